import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { publishRecords } from '../../shared/webhooks/publish.ts';

/**
 * The table's stream, filtered to message and session items: each change that matters becomes an
 * event, stored and queued for delivery. A failure reports its record, from which Lambda retries
 * the batch (ReportBatchItemFailures); the records before it are done.
 */
export async function handler(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  const failed = await publishRecords(event.Records);
  return { batchItemFailures: failed === undefined ? [] : [{ itemIdentifier: failed }] };
}
