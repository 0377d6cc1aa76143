import { useState } from 'preact/hooks';
import { accountChanged, authState } from '../../api/auth-store.ts';
import { api } from '../../api/client.ts';
import { errorText } from '../../api/errors.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { CopyButton } from '../../components/copy-button.tsx';
import { ErrorNote } from '../../components/states.tsx';

const mask = (key: string) => `${key.slice(0, 4)}${'•'.repeat(Math.max(0, Math.min(key.length - 4, 24)))}`;

/** The account and its API key: shown masked, revealed, copied, regenerated after a confirmation. */
export function Account() {
  const account = authState().credentials?.account;
  const [revealed, setRevealed] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  if (!account) return null;

  const regenerate = async () => {
    setConfirming(false);
    setError(undefined);
    const result = await api.POST('/auth/regenerate-api-key');
    if (!result.data) return setError(errorText(result.error, result.response));
    accountChanged({ ...account, apiKey: result.data.data.apiKey });
    setNotice('A new API key was made; the old one no longer works.');
  };

  return (
    <section aria-labelledby="account-title">
      <h1 id="account-title">Account</h1>
      <dl>
        <dt>Email</dt>
        <dd>{account.email}</dd>
        <dt>Role</dt>
        <dd>{account.role}</dd>
      </dl>
      <h2>API key</h2>
      <p class="muted">Send it as the x-api-key header to the session, message and webhook routes.</p>
      <p>
        <code aria-label="API key" class="secret">
          {revealed ? account.apiKey : mask(account.apiKey)}
        </code>
      </p>
      <div class="row">
        <button type="button" aria-pressed={revealed} onClick={() => setRevealed(!revealed)}>
          {revealed ? 'Hide API key' : 'Reveal API key'}
        </button>
        <CopyButton text={account.apiKey} label="Copy API key" />
        <button type="button" class="danger" onClick={() => setConfirming(true)}>
          Regenerate API key
        </button>
      </div>
      {notice && <p role="status">{notice}</p>}
      {error && <ErrorNote>{error}</ErrorNote>}
      {confirming && (
        <ConfirmDialog
          title="Regenerate the API key?"
          confirmLabel="Regenerate"
          onConfirm={() => void regenerate()}
          onCancel={() => setConfirming(false)}
        >
          <p>The current key stops working at once: every program that uses it needs the new one.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
