import { useState } from 'preact/hooks';
import { ErrorNote, Loading } from '../../components/states.tsx';
import { formValues } from '../../lib/form.ts';
import { href } from '../../lib/router.ts';
import { usePoll } from '../../lib/use-poll.ts';
import { listSessions } from '../sessions/session-api.ts';
import { KindFields } from './kind-fields.tsx';
import { buildSendRequest, isMediaKind, messageKinds, targetsAMessage, type MessageKind } from './requests.ts';
import { sendMessage, uploadMedia } from './send-api.ts';

type Outcome = { sent: { session: string; messageId: string } } | { error: string };

/** Send any kind of message through one of the account's sessions. */
export function Send({ session }: { session: string | undefined }) {
  const { polled } = usePoll(listSessions, 'send-sessions');
  // Chosen here rather than fixed to the URL's: the sessions list is polled, and each render would put it back.
  const [chosen, setChosen] = useState(session);
  const [kind, setKind] = useState<MessageKind>('text');
  const [stage, setStage] = useState<string>();
  const [outcome, setOutcome] = useState<Outcome>();

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const formElement = event.currentTarget as HTMLFormElement;
    const values = formValues(formElement);
    const file = new FormData(formElement).get('file');
    setOutcome(undefined);
    try {
      let mediaId: string | undefined;
      if (isMediaKind(kind) && file instanceof File && file.size > 0) {
        setStage('Uploading the file…');
        mediaId = await uploadMedia(file);
      }
      const request = buildSendRequest(kind, values, mediaId);
      setStage('Sending…');
      const messageId = await sendMessage(request, crypto.randomUUID());
      setOutcome({ sent: { session: request.body.session, messageId } });
    } catch (failure) {
      setOutcome({ error: (failure as Error).message });
    } finally {
      setStage(undefined);
    }
  };

  if (polled.state === 'loading') return <Loading what="sessions" />;
  const sessions = polled.value ?? [];
  return (
    <section aria-labelledby="send-title">
      <h1 id="send-title">Send a message</h1>
      {polled.state === 'error' && <ErrorNote>Could not load the sessions: {polled.error}</ErrorNote>}
      {sessions.length === 0 && (
        <p>
          No sessions yet: <a href={href('sessions')}>link a number</a> first.
        </p>
      )}
      <form onSubmit={(event) => void submit(event)} aria-label="Send a message" class="card">
        <label>
          Session
          <select name="session" required value={chosen} onChange={(event) => setChosen(event.currentTarget.value)}>
            {sessions.map((each) => (
              <option key={each.sessionId} value={each.sessionId}>
                {each.sessionId} ({each.status})
              </option>
            ))}
          </select>
        </label>
        <label>
          Message type
          <select name="kind" value={kind} onChange={(event) => setKind(event.currentTarget.value as MessageKind)}>
            {messageKinds.map((each) => (
              <option key={each} value={each}>
                {each}
              </option>
            ))}
          </select>
        </label>
        {!targetsAMessage(kind) && (
          <>
            <label>
              Recipient (number or group id)
              <input name="to" required placeholder="6287654321" />
            </label>
            <label class="inline">
              <input name="is_group" type="checkbox" /> Group
            </label>
          </>
        )}
        <KindFields key={kind} kind={kind} />
        <button type="submit" disabled={stage !== undefined}>
          Send {kind}
        </button>
        {stage && <p role="status">{stage}</p>}
      </form>
      {outcome && 'sent' in outcome && (
        <p role="status" class="ok">
          Queued as{' '}
          <a href={href('message', outcome.sent.session, outcome.sent.messageId)}>
            <code>{outcome.sent.messageId}</code>
          </a>
          .
        </p>
      )}
      {outcome && 'error' in outcome && <ErrorNote>Not sent: {outcome.error}</ErrorNote>}
    </section>
  );
}
