import type { SQSBatchResponse, SQSRecord } from 'aws-lambda';
import { z } from 'zod';
import { logger } from '../logger.ts';
import { deliver } from './delivery.ts';
import { postponeDelivery } from './delivery-queue.ts';
import type { DeliveryJob } from './model.ts';

const jobSchema = z.object({
  userId: z.number().int(),
  webhookId: z.string().min(1),
  eventId: z.string().min(1),
}) satisfies z.ZodType<DeliveryJob>;

/**
 * Works a batch of the delivery queue, every record at once: a slow receiver holds up no other
 * delivery beyond its own timeout. A delivery to retry is hidden on the queue until its next
 * attempt and reported failed, so it is not deleted; the queue's receive count is its attempt
 * number. A record that cannot be a delivery is logged and dropped: retrying it would never help.
 */
export async function consumeDeliveries(records: readonly SQSRecord[]): Promise<SQSBatchResponse> {
  const retried = await Promise.all(records.map(async (record) => ((await consume(record)) ? [record.messageId] : [])));
  return { batchItemFailures: retried.flat().map((itemIdentifier) => ({ itemIdentifier })) };
}

/** Whether the record stays on the queue for another attempt. */
async function consume(record: SQSRecord): Promise<boolean> {
  const job = jobSchema.safeParse(parseJson(record.body));
  if (!job.success) {
    logger().error('Malformed webhook delivery dropped', { messageId: record.messageId, body: record.body.slice(0, 500) });
    return false;
  }
  const attempt = Number(record.attributes.ApproximateReceiveCount) || 1;
  const context = { ...job.data, attempt, messageId: record.messageId };
  let retryInSeconds: number | undefined;
  try {
    const outcome = await deliver(job.data, attempt);
    if (outcome.outcome === 'dropped') logger().info('Webhook delivery dropped', { ...context, reason: outcome.reason });
    if (outcome.outcome !== 'failed') return false;
    retryInSeconds = outcome.retryInSeconds;
  } catch (error) {
    // Not the receiver's failure but ours (the table, the secrets): the queue offers it again after its visibility timeout.
    logger().error('Webhook delivery could not be made', { ...context, error });
    return true;
  }
  if (retryInSeconds === undefined) return false;
  try {
    await postponeDelivery(record.receiptHandle, retryInSeconds);
  } catch (error) {
    // Still retried, only sooner: after the queue's visibility timeout.
    logger().warn('Webhook retry could not be postponed', { ...context, retryInSeconds, error });
  }
  return true;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
