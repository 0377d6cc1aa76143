import { useState } from 'preact/hooks';
import type { paths } from '../../api/schema.d.ts';
import { DataTable } from '../../components/data-table.tsx';
import { Empty, ErrorNote, Loading, PolledView } from '../../components/states.tsx';
import { href } from '../../lib/router.ts';
import { usePoll } from '../../lib/use-poll.ts';
import { listSessions } from '../sessions/session-api.ts';
import { MediaViewer } from './media-viewer.tsx';
import { messagePage } from './message-api.ts';

type Listed = paths['/message/list']['get']['responses'][200]['content']['application/json']['data'][number];

/** One session's messages, in and out, newest first: the first page live, older pages on request. */
export function Messages({ session }: { session: string | undefined }) {
  const sessions = usePoll(listSessions, 'message-sessions').polled;
  return (
    <section aria-labelledby="messages-title">
      <h1 id="messages-title">Messages</h1>
      <PolledView polled={sessions} what="sessions">
        {(list) =>
          list.length === 0 ? (
            <Empty>
              No sessions yet: <a href={href('sessions')}>link a number</a> first.
            </Empty>
          ) : (
            <label>
              Session
              <select value={session ?? ''} onChange={(event) => (location.hash = href('messages', event.currentTarget.value))}>
                <option value="">Choose a session</option>
                {list.map((each) => (
                  <option key={each.sessionId} value={each.sessionId}>
                    {each.sessionId}
                  </option>
                ))}
              </select>
            </label>
          )
        }
      </PolledView>
      {session && <MessageTable key={session} session={session} />}
    </section>
  );
}

function MessageTable({ session }: { session: string }) {
  const { polled } = usePoll(() => messagePage(session), `messages:${session}`);
  const [older, setOlder] = useState<{ messages: Listed[]; cursor: string | null }>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(false);
  if (polled.state === 'loading') return <Loading what="messages" />;
  const first = polled.value;
  const cursor = older ? older.cursor : first?.nextCursor;
  const messages = [...(first?.data ?? []), ...(older?.messages ?? [])].filter(
    (message, index, all) => all.findIndex((each) => each.messageId === message.messageId) === index,
  );

  const loadOlder = async (from: string) => {
    setLoading(true);
    setError(undefined);
    try {
      const page = await messagePage(session, from);
      setOlder({ messages: [...(older?.messages ?? []), ...page.data], cursor: page.nextCursor });
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setLoading(false);
    }
  };

  return (
    <>
      {polled.state === 'error' && <ErrorNote>Could not load the messages: {polled.error}</ErrorNote>}
      {messages.length === 0 && <Empty>No messages in {session} yet.</Empty>}
      {messages.length > 0 && (
        <DataTable
          label={`Messages of ${session}`}
          columns={['Time', { label: 'Direction', wideOnly: true }, 'Contact', { label: 'Type', wideOnly: true }, 'Content', 'Status']}
        >
          {messages.map((message) => (
            <tr key={message.messageId}>
              <td>
                <a href={href('message', session, message.messageId)}>{shortTime.format(new Date(message.createdAt))}</a>
              </td>
              <td class="wide-only">{message.direction === 'in' ? 'in' : 'out'}</td>
              <td>{message.direction === 'in' ? (message.pushName ?? message.from ?? message.fromLid ?? '') : message.to}</td>
              <td class="wide-only">{message.type}</td>
              <td class="content">
                {content(message)}
                {message.media?.stored && <MediaViewer session={session} messageId={message.messageId} mimeType={message.media.mimeType} />}
              </td>
              <td class={`status-${message.status ?? 'received'}`}>
                {statusText(message)}
                {message.failureReason && <span>: {message.failureReason}</span>}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {error && <ErrorNote>Could not load older messages: {error}</ErrorNote>}
      {cursor && (
        <button type="button" disabled={loading} onClick={() => void loadOlder(cursor)}>
          {loading ? 'Loading…' : 'Load older messages'}
        </button>
      )}
    </>
  );
}

/** Day and time, short enough for a phone's column. */
const shortTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'short' });

/** What the message says, in one line. */
export function content(message: Listed): string {
  if (message.deletedAt) return '(deleted)';
  if (message.text) return message.text;
  if (message.caption) return message.caption;
  if (message.location) return `📍 ${message.location.name ?? ''} ${message.location.latitude}, ${message.location.longitude}`.trim();
  if (message.contacts) return message.contacts.map((card) => card.name).join(', ');
  if (message.poll) return `${message.poll.question} (${message.poll.options.join(' / ')})`;
  if (message.reaction)
    return `${message.reaction.emoji || '(reaction removed)'} to ${message.reaction.targetMessageId ?? message.reaction.targetWaMessageId}`;
  if (message.change) return message.change.text ?? `(${message.type} of ${message.change.targetMessageId})`;
  if (message.media) return message.media.fileName ?? message.media.mimeType ?? '';
  return message.unsupportedType ?? '';
}

/** The status as the API names it; a received message is "received". */
export function statusText(message: Listed): string {
  return message.direction === 'in' ? 'received' : (message.status ?? 'pending');
}
