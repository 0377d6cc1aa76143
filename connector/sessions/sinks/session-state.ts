import { applyConnectorUpdate } from '../../../shared/sessions/repository.ts';
import type { Sink } from '../session-events.ts';

/**
 * Writes the session's status, QR or pairing code, fenced by its shard's lease. Answers false
 * without writing once the shard is gone, and false when a newer connector has written since.
 */
export const sessionStateSink: Sink<'session-state'> = async ({ update }, { sessionId, fence, superseded }) => {
  const current = fence();
  if (current === undefined) return false;
  const written = await applyConnectorUpdate(sessionId, current, update, new Date().toISOString());
  if (!written) superseded();
  return written;
};
