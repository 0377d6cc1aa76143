import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { metrics } from '../../shared/metrics-emitter.ts';
import { consumeDeliveries } from '../../shared/webhooks/delivery-consumer.ts';

/** Delivery queue consumer: POSTs each event to its endpoint; deliveries to retry are reported as batch item failures. */
export async function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  try {
    return await consumeDeliveries(event.Records);
  } finally {
    // The invocation's delivery counts (EMF), whatever became of it.
    metrics()?.publishStoredMetrics();
  }
}
