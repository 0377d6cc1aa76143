import { z } from 'zod';
import { messageContentSchema } from '../messages/content.ts';
import type { Message } from '../messages/message.ts';
import { sendToShardQueue, sqsMessageBody } from './fifo.ts';

/**
 * What a send needs of its message and what never changes once it is stored. It travels with the
 * queued id so the connector does not read the message back before every send (the read was a
 * fifth of a send's AWS calls); the status lives only in the table, where every transition checks it.
 */
const queuedContentSchema = z.object({
  jid: z.string(),
  isGroup: z.boolean(),
  content: messageContentSchema,
});

export type QueuedContent = z.infer<typeof queuedContentSchema>;

/**
 * Content larger than this stays in the table only, so a queue message with its envelope stays
 * within one 64 KiB chunk (SQS bills each chunk as a request), far below its size limit.
 */
const inlineContentMaxBytes = 63 * 1024;

/** A queued send: the message's id, session and owner, with its content unless that is too large to carry. */
export const sendMessageSchema = z.object({
  messageId: z.string(),
  sessionId: z.string(),
  userId: z.number(),
  // A copy of another shape (queued by an earlier version, in flight across a deploy) is read from the table instead.
  content: queuedContentSchema.optional().catch(undefined),
});
export type SendQueueMessage = z.infer<typeof sendMessageSchema>;

export function sendQueueMessage(message: Message): SendQueueMessage {
  const { messageId, sessionId, userId, jid, isGroup } = message;
  const content = { jid, isGroup, content: message.content };
  // Measured as sent: escaping makes some characters take more bytes in the queue than in the text.
  const carried = Buffer.byteLength(sqsMessageBody(content)) <= inlineContentMaxBytes;
  return { messageId, sessionId, userId, ...(carried ? { content } : {}) };
}

/** On the message's shard send queue: group = session (its sends stay in order), deduplicated by message id. */
export async function enqueueSend(message: Message): Promise<void> {
  await sendToShardQueue('send', message.shard, sendQueueMessage(message), message.sessionId, message.messageId);
}
