import { logger } from '../../../shared/logger.ts';
import type { Sink } from '../session-events.ts';

/** Logged only for now: the inbound-messages work stores them. */
export const messageRevokedSink: Sink<'message-revoked'> = async ({ waMessageId }, { sessionId }) => {
  logger().debug('Message revoked', { sessionId, waMessageId });
};
