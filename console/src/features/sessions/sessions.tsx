import { useState } from 'preact/hooks';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { DataTable } from '../../components/data-table.tsx';
import { Empty, ErrorNote, PolledView } from '../../components/states.tsx';
import { href } from '../../lib/router.ts';
import { usePoll } from '../../lib/use-poll.ts';
import { LinkNumber } from './link-number.tsx';
import { listSessions, logoutSession } from './session-api.ts';

/** The account's sessions with their live status; link a number; log one out. */
export function Sessions() {
  const { polled, poke } = usePoll(listSessions, 'sessions');
  const [loggingOut, setLoggingOut] = useState<string>();
  const [error, setError] = useState<string>();

  const logout = async (session: string) => {
    setLoggingOut(undefined);
    setError(undefined);
    await logoutSession(session).catch((failure: Error) => setError(`Could not log out ${session}: ${failure.message}`));
    poke();
  };

  return (
    <section aria-labelledby="sessions-title">
      <h1 id="sessions-title">Sessions</h1>
      {error && <ErrorNote>{error}</ErrorNote>}
      <PolledView polled={polled} what="sessions">
        {(sessions) =>
          sessions.length === 0 ? (
            <Empty>No sessions yet: link a number below.</Empty>
          ) : (
            <DataTable label="Sessions" columns={['Session', 'Phone', 'Status', 'Actions']}>
              {sessions.map((session) => (
                <tr key={session.sessionId}>
                  <th scope="row">{session.sessionId}</th>
                  <td>{session.phoneNumber}</td>
                  <td>
                    <span class={`badge status-${session.status}`}>{session.status}</span>
                    {session.lastError && <span class="muted"> — {session.lastError}</span>}
                  </td>
                  <td class="actions">
                    <a href={href('messages', session.sessionId)}>Messages</a>
                    <a href={href('send', session.sessionId)}>Send</a>
                    <button
                      type="button"
                      class="danger"
                      onClick={() => setLoggingOut(session.sessionId)}
                      aria-label={`Log out ${session.sessionId}`}
                    >
                      Log out
                    </button>
                  </td>
                </tr>
              ))}
            </DataTable>
          )
        }
      </PolledView>
      <LinkNumber onChange={poke} />
      {loggingOut && (
        <ConfirmDialog
          title={`Log out ${loggingOut}?`}
          confirmLabel="Log out"
          onConfirm={() => void logout(loggingOut)}
          onCancel={() => setLoggingOut(undefined)}
        >
          <p>The device is unlinked and the session deleted; messages still waiting on it fail.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
