import { z } from 'zod';
import { sendToShardQueue } from './fifo.ts';

/** A queued send: only the id travels; the message itself is in the table. */
export const sendMessageSchema = z.object({ messageId: z.string(), sessionId: z.string() });
export type SendQueueMessage = z.infer<typeof sendMessageSchema>;

/** On the session's shard send queue: group = session (its sends stay in order), deduplicated by message id. */
export async function enqueueSend(shard: number, message: SendQueueMessage): Promise<void> {
  await sendToShardQueue('send', shard, message, message.sessionId, message.messageId);
}
