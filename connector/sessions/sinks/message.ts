import { logger } from '../../../shared/logger.ts';
import type { Sink } from '../session-events.ts';

/** Logged only for now: the inbound-messages work stores them. */
export const messageSink: Sink<'message'> = async ({ message, upsertType }, { sessionId }) => {
  logger().debug('Message seen', { sessionId, waMessageId: message.key.id, fromMe: message.key.fromMe, upsertType });
};
