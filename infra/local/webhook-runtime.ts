import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context, DynamoDBBatchResponse, DynamoDBStreamEvent, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { config } from '../../shared/config.ts';
import { webhookQueueSettings } from '../../shared/resources.ts';
import { webhookQueueUrl } from '../../shared/webhooks/delivery-queue.ts';
import { lambdaEntry } from '../paths.ts';
import { lambdaContext } from './lambda-events.ts';
import { startSqsPoller, type SqsPoller } from './sqs-poller.ts';
import { startStreamReader } from './stream-reader.ts';

type Handler<Event, Response> = (event: Event, context: Context) => Promise<Response>;

/** The file in the data folder where the stream reader keeps its place. */
export const streamCheckpointFile = (dataDir: string) => join(dataDir, 'stream-checkpoints.json');

/**
 * Runs the two webhook Lambdas in this process, fed as their event sources feed them in the cloud:
 * `webhooks/produce-events` by the table's stream, `webhooks/deliver` by the delivery queue.
 */
export async function startWebhookRuntime(dataDir: string): Promise<{ stop(): Promise<void> }> {
  const [produceEvents, deliver] = await Promise.all([
    loadHandler<DynamoDBStreamEvent, DynamoDBBatchResponse>('webhooks/produce-events'),
    loadHandler<SQSEvent, SQSBatchResponse>('webhooks/deliver'),
  ]);
  const stream = await startStreamReader({
    tableName: config().TABLE_NAME,
    checkpointFile: streamCheckpointFile(dataDir),
    // The cloud function's timeout.
    handler: (event) => produceEvents(event, lambdaContext('webhooks-produce-events', 60_000)),
  });
  let deliveries: SqsPoller;
  try {
    deliveries = await startSqsPoller({
      queueUrl: webhookQueueUrl(),
      batchSize: webhookQueueSettings.batchSize,
      // As Lambda scales out: receivers that hang hold up a batch each, never the other tenants' deliveries.
      concurrency: 16,
      // The cloud function's timeout is within the queue's visibility timeout, as Lambda requires.
      handler: (event) => deliver(event, lambdaContext('webhooks-deliver', webhookQueueSettings.visibilityTimeoutSeconds * 1000)),
    });
  } catch (error) {
    await stream.stop();
    throw error;
  }
  return { stop: async () => void (await Promise.all([stream.stop(), deliveries.stop()])) };
}

async function loadHandler<Event, Response>(handler: string): Promise<Handler<Event, Response>> {
  const module = (await import(pathToFileURL(lambdaEntry(handler)).href)) as { handler?: Handler<Event, Response> };
  if (typeof module.handler !== 'function') throw new Error(`${lambdaEntry(handler)} exports no handler`);
  return module.handler;
}
