import { deleteAuthState } from '../auth-state.ts';
import { deleteSessionMedia } from '../messages/media-store.ts';
import { failWaitingMessages } from '../messages/repository.ts';
import { deleteSession } from './repository.ts';
import type { Session } from './session.ts';

/** Why the messages still waiting on a removed session were not sent. */
export const removalReasons = {
  logout: 'session was logged out',
  cleanup: 'session was removed as inactive',
} as const;

/**
 * Removes a session for good: its WhatsApp credentials and its messages' media, the session with
 * its name and number (free again for its tenant), then every message still waiting on it, failed
 * with `reason` so that none is left pending and none can go out later.
 */
export async function removeSession(session: Session, reason: string): Promise<void> {
  await deleteAuthState(session.sessionId);
  await deleteSessionMedia(session.sessionId);
  await deleteSession(session);
  await failWaitingMessages(session.sessionId, reason);
}
