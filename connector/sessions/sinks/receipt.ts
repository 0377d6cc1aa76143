import { messageIdOfWa } from '../../../shared/ids.ts';
import { logger } from '../../../shared/logger.ts';
import { advance } from '../../../shared/messages/repository.ts';
import type { Sink } from '../session-events.ts';

/** Moves one of our messages to `delivered` or `read`; a receipt for an id that is not ours changes nothing. */
export const receiptSink: Sink<'receipt'> = async ({ waMessageId, receipt }, { sessionId }) => {
  const messageId = messageIdOfWa(waMessageId);
  if (!messageId) return;
  const at = new Date().toISOString();
  // Only this session's own messages: a receipt can name any id.
  await advance(messageId, receipt, receipt === 'read' ? { readAt: at } : { deliveredAt: at }, sessionId).catch((error: unknown) =>
    logger().warn('Could not record a receipt', { messageId, receipt, error }),
  );
};
