import { DeleteMessageCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { queueUrl, sqsClient } from '../aws-clients.ts';
import { config } from '../config.ts';
import { logger } from '../logger.ts';
import { enqueueSend, sendMessageSchema } from '../queues/send.ts';
import { advance, stalePendingMessages } from './repository.ts';

/** Pending longer than this means the enqueue after storing was lost (past SQS's 5-minute deduplication window). */
export const stalePendingAfterMs = 6 * 60_000;
export const deadLetterReason = 'could not be sent after repeated attempts';

/**
 * Nothing lost: re-enqueues messages that stayed pending (their first enqueue failed), and marks
 * failed the messages the send queues gave up on (their dead-letter queues), emptying those.
 */
export async function sweepMessages(now = Date.now()): Promise<{ requeued: number; failed: number }> {
  const cutoff = new Date(now - stalePendingAfterMs).toISOString();
  let requeued = 0;
  let failed = 0;
  for (let shard = 0; shard < config().SHARD_COUNT; shard++) {
    for (const message of await stalePendingMessages(shard, cutoff)) {
      await enqueueSend(message);
      requeued += 1;
    }
    failed += await failDeadLetters(shard);
  }
  if (requeued || failed) logger().info('Messages swept', { requeued, failed });
  return { requeued, failed };
}

async function failDeadLetters(shard: number): Promise<number> {
  const deadLetters = queueUrl('send', shard, true);
  let failed = 0;
  for (;;) {
    const { Messages = [] } = await sqsClient().send(new ReceiveMessageCommand({ QueueUrl: deadLetters, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }));
    if (Messages.length === 0) return failed;
    for (const message of Messages) {
      // Only the id is needed, whatever else a dead letter carries.
      const parsed = sendMessageSchema.pick({ messageId: true }).safeParse(JSON.parse(message.Body ?? 'null'));
      if (parsed.success && (await advance(parsed.data.messageId, 'failed', { failureReason: deadLetterReason }))) failed += 1;
      await sqsClient().send(new DeleteMessageCommand({ QueueUrl: deadLetters, ReceiptHandle: message.ReceiptHandle }));
    }
  }
}
