import { logger } from '../../../shared/logger.ts';
import type { Sink } from '../session-events.ts';

/** Logged only for now: the inbound-messages work stores them. */
export const messageEditedSink: Sink<'message-edited'> = async ({ waMessageId }, { sessionId }) => {
  logger().debug('Message edited', { sessionId, waMessageId });
};
