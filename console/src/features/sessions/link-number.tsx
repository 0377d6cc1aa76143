import { useState } from 'preact/hooks';
import { ErrorNote } from '../../components/states.tsx';
import { formValues } from '../../lib/form.ts';
import { usePoll } from '../../lib/use-poll.ts';
import { QrImage } from './qr-image.tsx';
import { latestQr, sessionStatus, startLinking, type LinkAnswer } from './session-api.ts';

type Linking = { readonly session: string } & LinkAnswer;

/** Link a number: name it, give its phone, then scan the QR (or type the pairing code) until it is connected. */
export function LinkNumber({ onChange }: { onChange: () => void }) {
  const [linking, setLinking] = useState<Linking>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const values = formValues(event.currentTarget as HTMLFormElement);
    const session = (values.session ?? '').trim();
    const method = values.method === 'code' ? 'code' : 'qr';
    setBusy(true);
    setError(undefined);
    try {
      setLinking({ session, ...(await startLinking(session, (values.phone ?? '').trim(), method)) });
      onChange();
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="link-title" class="card">
      <h2 id="link-title">Link a number</h2>
      <form onSubmit={(event) => void submit(event)} aria-label="Link a number">
        <label>
          Session name
          <input name="session" required pattern="[A-Za-z0-9_.\-]{1,64}" title="1-64 letters, digits, dots, dashes or underscores" />
        </label>
        <label>
          Phone number
          <input name="phone" type="tel" required placeholder="+62812345678" title="International format with +, e.g. +62812345678" />
        </label>
        <fieldset>
          <legend>Link with</legend>
          <label class="inline">
            <input type="radio" name="method" value="qr" defaultChecked /> QR code
          </label>
          <label class="inline">
            <input type="radio" name="method" value="code" /> Pairing code
          </label>
        </fieldset>
        {error && <ErrorNote>{error}</ErrorNote>}
        <button type="submit" disabled={busy}>
          {busy ? 'Starting…' : 'Start linking'}
        </button>
      </form>
      {linking && <LinkProgress key={`${linking.session}@${linking.since}`} linking={linking} onChange={onChange} />}
    </section>
  );
}

function LinkProgress({ linking, onChange }: { linking: Linking; onChange: () => void }) {
  const { polled } = usePoll(async () => {
    const [status, qr] = await Promise.all([
      sessionStatus(linking.session),
      'qr' in linking ? latestQr(linking.session, linking.since) : undefined,
    ]);
    if (status.status !== 'qr' && status.status !== 'starting') onChange();
    return { status: status.status, lastError: status.lastError, qr };
  }, `${linking.session}@${linking.since}`);
  const current = polled.state === 'loading' ? undefined : polled.value;
  const status = 'connected' in linking ? 'connected' : (current?.status ?? 'qr');

  if (status === 'connected')
    return (
      <p role="status" class="ok">
        Session {linking.session} is connected.
      </p>
    );
  if (status === 'failed' || status === 'logged_out' || status === 'stopped')
    return (
      <ErrorNote>
        Linking {linking.session} stopped ({status}){current?.lastError ? `: ${current.lastError}` : ''}. Start again.
      </ErrorNote>
    );
  return (
    <div aria-live="polite">
      <p role="status">
        Waiting for {linking.session} to be linked ({status})…
      </p>
      {'qr' in linking && (
        <>
          <p>On the phone: WhatsApp → Settings → Linked devices → Link a device, then scan this code. It changes every so often.</p>
          <QrImage text={current?.qr ?? linking.qr} />
        </>
      )}
      {'pairingCode' in linking && (
        <p>
          On the phone: Linked devices → Link with phone number instead, then type{' '}
          <strong aria-label="Pairing code">{linking.pairingCode}</strong>
        </p>
      )}
      {polled.state === 'error' && <ErrorNote>Could not read the session's status: {polled.error}</ErrorNote>}
    </div>
  );
}
