import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { z } from 'zod';
import { queueUrl, sqsClient } from '../aws-clients.ts';
import { linkMethodSchema } from '../schemas/sessions.ts';

/**
 * Requests for a session's live socket, carried on its shard's control FIFO queue (group = session,
 * so a session's requests run in order; deduplicated by request id).
 */
export const controlMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start'), requestId: z.string(), sessionId: z.string(), method: linkMethodSchema }),
  z.object({ type: z.literal('logout'), requestId: z.string(), sessionId: z.string() }),
  z.object({ type: z.literal('restart'), requestId: z.string(), sessionId: z.string() }),
]);

export type ControlMessage = z.infer<typeof controlMessageSchema>;

export async function sendControl(shard: number, message: ControlMessage): Promise<void> {
  await sqsClient().send(
    new SendMessageCommand({
      QueueUrl: queueUrl('control', shard),
      MessageBody: JSON.stringify(message),
      MessageGroupId: message.sessionId,
      MessageDeduplicationId: message.requestId,
    }),
  );
}
