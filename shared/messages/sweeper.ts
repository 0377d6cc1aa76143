import { DeleteMessageCommand, ReceiveMessageCommand, SQSServiceException, type Message as SqsMessage } from '@aws-sdk/client-sqs';
import { queueUrl, sqsClient } from '../aws-clients.ts';
import { config } from '../config.ts';
import { logger } from '../logger.ts';
import { enqueueSend, sendMessageSchema } from '../queues/send.ts';
import type { Message } from './message.ts';
import { advance, stalePendingMessages } from './repository.ts';

/** Pending longer than this means the enqueue after storing was lost (past SQS's 5-minute deduplication window). */
export const stalePendingAfterMs = 6 * 60_000;
export const deadLetterReason = 'could not be sent after repeated attempts';
export const refusedReason = 'refused by the send queue';

export interface SweepCounts {
  /** Pending messages put back on their send queue. */
  requeued: number;
  /** Messages marked failed: refused by their send queue for good, or given up on by it (its dead-letter queue). */
  failed: number;
  /** Messages, dead letters or shards the sweep could not handle, each logged with its id; what is still pending is tried again next sweep. */
  errors: number;
}

/**
 * Nothing lost: re-enqueues messages that stayed pending (their first enqueue failed), and marks
 * failed the messages the send queues gave up on (their dead-letter queues), emptying those.
 * Every shard and every message is handled on its own: one that fails cannot hold up the rest.
 */
export async function sweepMessages(now = Date.now()): Promise<SweepCounts> {
  const cutoff = new Date(now - stalePendingAfterMs).toISOString();
  const counts: SweepCounts = { requeued: 0, failed: 0, errors: 0 };
  for (let shard = 0; shard < config().SHARD_COUNT; shard++) {
    await isolated(counts, { shard }, async () => {
      for (const message of await stalePendingMessages(shard, cutoff)) {
        await isolated(counts, { shard, messageId: message.messageId }, () => requeue(message, counts));
      }
    });
    await isolated(counts, { shard }, () => failDeadLetters(shard, counts));
  }
  if (counts.requeued || counts.failed || counts.errors) logger().info('Messages swept', { ...counts });
  return counts;
}

/** Runs one step of the sweep; its error is logged with what it concerned and counted, and the sweep goes on. */
async function isolated(counts: SweepCounts, concerning: Record<string, unknown>, step: () => Promise<void>): Promise<void> {
  try {
    await step();
  } catch (error) {
    counts.errors += 1;
    logger().error('Sweep step failed', { ...concerning, error });
  }
}

async function requeue(message: Message, counts: SweepCounts): Promise<void> {
  try {
    await enqueueSend(message);
    counts.requeued += 1;
  } catch (error) {
    if (!refusedForGood(error)) throw error;
    // Sending it again would be refused again, every minute, forever.
    logger().warn('Send queue refused a message; marking it failed', { messageId: message.messageId, error });
    if (await advance(message.messageId, 'failed', { failureReason: `${refusedReason}: ${error.message}` })) counts.failed += 1;
  }
}

/**
 * SQS's verdict on the message itself (its characters or its size), not on the queue, the account
 * or the moment. SQS names some errors with its legacy `AWS.SimpleQueueService.` prefix, the emulator all of them.
 */
function refusedForGood(error: unknown): error is SQSServiceException {
  return (
    error instanceof SQSServiceException &&
    ['InvalidMessageContents', 'InvalidParameterValue'].includes(error.name.replace(/^AWS\.SimpleQueueService\./, ''))
  );
}

async function failDeadLetters(shard: number, counts: SweepCounts): Promise<void> {
  const deadLetters = queueUrl('send', shard, true);
  for (;;) {
    const { Messages = [] } = await sqsClient().send(
      new ReceiveMessageCommand({ QueueUrl: deadLetters, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }),
    );
    if (Messages.length === 0) return;
    for (const deadLetter of Messages) {
      // One left undeleted (its failure not yet stored) comes back after its visibility timeout, for the next sweep.
      await isolated(counts, { shard, sqsMessageId: deadLetter.MessageId }, () => failDeadLetter(deadLetters, deadLetter, counts));
    }
  }
}

async function failDeadLetter(deadLetters: string, deadLetter: SqsMessage, counts: SweepCounts): Promise<void> {
  const messageId = messageIdOf(deadLetter.Body);
  if (messageId === undefined) {
    // Nothing to mark failed, and it would be just as unreadable next time.
    counts.errors += 1;
    logger().error('Dropping an unreadable dead letter', { sqsMessageId: deadLetter.MessageId });
  } else if (await advance(messageId, 'failed', { failureReason: deadLetterReason })) {
    counts.failed += 1;
  }
  await sqsClient().send(new DeleteMessageCommand({ QueueUrl: deadLetters, ReceiptHandle: deadLetter.ReceiptHandle }));
}

/** Only the id is needed, whatever else a dead letter carries. */
function messageIdOf(body: string | undefined): string | undefined {
  try {
    const parsed = sendMessageSchema.pick({ messageId: true }).safeParse(JSON.parse(body ?? 'null'));
    return parsed.success ? parsed.data.messageId : undefined;
  } catch {
    return undefined;
  }
}
