import { setTimeout as sleep } from 'node:timers/promises';
import { ChangeMessageVisibilityCommand, SendMessageBatchCommand, type SendMessageBatchRequestEntry } from '@aws-sdk/client-sqs';
import { sqsClient } from '../aws-clients.ts';
import { config } from '../config.ts';
import { sqsMessageBody } from '../queues/fifo.ts';
import { webhookQueueName } from '../resources.ts';
import type { DeliveryJob } from './model.ts';

/** SendMessageBatch's most entries per call. */
const batchSize = 10;
/** Sends of the entries SQS reported failed (throttled, an internal error) before giving up on them. */
const maxSendTries = 4;

export function webhookQueueUrl(): string {
  const { QUEUE_URL_BASE, QUEUE_NAME_PREFIX } = config();
  return `${QUEUE_URL_BASE}/${webhookQueueName(QUEUE_NAME_PREFIX)}`;
}

/**
 * Puts deliveries on the delivery queue, ten per call. Entries SQS reports failed are sent again;
 * if some still fail this throws, so the caller's own batch (the stream records that made these
 * jobs) is retried rather than an event silently not delivered. A retry may enqueue a job twice:
 * delivery is at least once, and receivers deduplicate by the event id.
 */
export async function enqueueDeliveries(jobs: readonly DeliveryJob[]): Promise<void> {
  const batches: SendMessageBatchRequestEntry[][] = [];
  for (let start = 0; start < jobs.length; start += batchSize) {
    batches.push(jobs.slice(start, start + batchSize).map((job, index) => ({ Id: String(index), MessageBody: sqsMessageBody(job) })));
  }
  await Promise.all(batches.map(sendBatch));
}

async function sendBatch(entries: SendMessageBatchRequestEntry[]): Promise<void> {
  let pending = entries;
  for (let tried = 1; ; tried++) {
    const { Failed = [] } = await sqsClient().send(new SendMessageBatchCommand({ QueueUrl: webhookQueueUrl(), Entries: pending }));
    if (Failed.length === 0) return;
    const failedIds = new Set(Failed.map((failure) => failure.Id));
    pending = pending.filter((entry) => failedIds.has(entry.Id));
    // A sender fault (a malformed entry) fails the same way every time: no point sending it again.
    if (tried >= maxSendTries || Failed.some((failure) => failure.SenderFault)) {
      const reasons = [...new Set(Failed.map((failure) => `${failure.Code}: ${failure.Message ?? ''}`))].join('; ');
      throw new Error(`${Failed.length} webhook deliveries could not be queued (${reasons})`);
    }
    await sleep(50 * 2 ** tried * (0.5 + Math.random()));
  }
}

/**
 * Keeps a received delivery on the queue, hidden for `delaySeconds`: its next attempt. The queue
 * keeps it meanwhile, so a retry needs no timer of ours and survives any crash.
 */
export async function postponeDelivery(receiptHandle: string, delaySeconds: number): Promise<void> {
  await sqsClient().send(
    new ChangeMessageVisibilityCommand({ QueueUrl: webhookQueueUrl(), ReceiptHandle: receiptHandle, VisibilityTimeout: delaySeconds }),
  );
}
