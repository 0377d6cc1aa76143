import { ErrorNote, PolledView } from '../../components/states.tsx';
import { href } from '../../lib/router.ts';
import { usePoll } from '../../lib/use-poll.ts';
import { MediaViewer } from './media-viewer.tsx';
import { messageStatus } from './message-api.ts';
import { content, statusText } from './messages.tsx';

/** One message with its whole story, live. */
export function MessageDetail({ session, messageId }: { session: string; messageId: string }) {
  const { polled } = usePoll(() => messageStatus(session, messageId), `message:${session}/${messageId}`);
  if (!session || !messageId) return <ErrorNote>No message named here: open one from the messages table.</ErrorNote>;
  return (
    <section aria-labelledby="message-title">
      <h1 id="message-title">Message {messageId}</h1>
      <p>
        <a href={href('messages', session)}>All messages of {session}</a>
      </p>
      <PolledView polled={polled} what="the message">
        {(message) => (
          <>
            <dl>
              <dt>Status</dt>
              <dd>
                {statusText(message)}
                {message.failureReason && `: ${message.failureReason}`}
              </dd>
              <dt>Type</dt>
              <dd>{message.type}</dd>
              <dt>{message.direction === 'in' ? 'From' : 'To'}</dt>
              <dd>{message.direction === 'in' ? (message.from ?? message.pushName) : message.to}</dd>
              <dt>Content</dt>
              <dd>{content(message)}</dd>
              <dt>WhatsApp id</dt>
              <dd>
                <code>{message.waMessageId}</code>
              </dd>
            </dl>
            {message.media?.stored && <MediaViewer session={session} messageId={messageId} mimeType={message.media.mimeType} />}
            <h2>History</h2>
            <ol>
              {message.history.map((entry, index) => (
                <li key={index}>
                  {new Date(entry.at).toLocaleString()}: {'status' in entry ? entry.status : entry.event}
                  {'reason' in entry && entry.reason ? ` (${entry.reason})` : ''}
                  {'emoji' in entry ? ` ${entry.emoji}` : ''}
                </li>
              ))}
            </ol>
          </>
        )}
      </PolledView>
    </section>
  );
}
