import { createHash, randomUUID } from 'node:crypto';
import {
  ChangeMessageVisibilityCommand,
  CreateQueueCommand,
  DeleteQueueCommand,
  GetQueueAttributesCommand,
  SendMessageCommand,
} from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import { provision } from '../../infra/local/provision.ts';
import { startSqsPoller, type SqsPoller, type SqsPollerOptions } from '../../infra/local/sqs-poller.ts';
import { dynamoClient, s3Client, sqsClient } from '../../shared/aws-clients.ts';
import { config } from '../../shared/config.ts';
import { webhookQueueName, webhookQueueSettings } from '../../shared/resources.ts';
import { pollUntil } from '../support/poll.ts';

const pollers: SqsPoller[] = [];
const queues: string[] = [];

/** A webhook delivery queue of its own, provisioned as the local stack provisions its one. */
async function newDeliveryQueue(): Promise<string> {
  const prefix = `poller-${randomUUID().slice(0, 8)}`;
  const tableName = config().TABLE_NAME;
  await provision(
    { dynamo: dynamoClient(), sqs: sqsClient(), s3: s3Client() },
    { tableName, queuePrefix: prefix, shardCount: 1, bucketNames: [] },
  );
  const queueUrl = `${config().QUEUE_URL_BASE}/${webhookQueueName(prefix)}`;
  queues.push(queueUrl);
  return queueUrl;
}

async function startPoller(options: SqsPollerOptions): Promise<SqsPoller> {
  const poller = await startSqsPoller({ waitSeconds: 1, ...options });
  pollers.push(poller);
  return poller;
}

const send = (queueUrl: string, body: string) => sqsClient().send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body }));

/** Messages on the queue, visible or in flight. */
async function messagesOn(queueUrl: string): Promise<number> {
  const { Attributes = {} } = await sqsClient().send(
    new GetQueueAttributesCommand({
      QueueUrl: queueUrl,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
    }),
  );
  return Number(Attributes.ApproximateNumberOfMessages) + Number(Attributes.ApproximateNumberOfMessagesNotVisible);
}

/** A queue handler that keeps every record it is given, answering what `answer` says (by default: all handled). */
function recordingHandler(answer: (event: SQSEvent) => Promise<SQSBatchResponse | void> | SQSBatchResponse | void = () => undefined) {
  const records: SQSRecord[] = [];
  return {
    records,
    bodies: () => records.map((record) => record.body),
    handler: async (event: SQSEvent) => {
      records.push(...event.Records);
      return answer(event);
    },
  };
}

afterEach(async () => {
  await Promise.all(pollers.splice(0).map((poller) => poller.stop()));
  await Promise.all(queues.splice(0).map((QueueUrl) => sqsClient().send(new DeleteQueueCommand({ QueueUrl }))));
});

describe('the local SQS poller', () => {
  it("hands messages to the handler in the shape Lambda's SQS event source gives, and deletes them once handled", async () => {
    const queueUrl = await newDeliveryQueue();
    const { Attributes } = await sqsClient().send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }));
    const body = JSON.stringify({ userId: 1, webhookId: 'wh_1', eventId: 'evt_1' });
    const sentAt = Date.now();
    await sqsClient().send(
      new SendMessageCommand({
        QueueUrl: queueUrl,
        MessageBody: body,
        MessageAttributes: {
          kind: { DataType: 'String', StringValue: 'delivery' },
          bytes: { DataType: 'Binary', BinaryValue: Buffer.from('raw') },
        },
      }),
    );
    const recorded = recordingHandler();

    await startPoller({ queueUrl, handler: recorded.handler, batchSize: webhookQueueSettings.batchSize });
    await pollUntil(
      () => recorded.records.length,
      (count) => count >= 1,
    );
    await pollUntil(
      () => messagesOn(queueUrl),
      (count) => count === 0,
    );

    expect(recorded.records).toEqual([
      {
        messageId: expect.any(String),
        receiptHandle: expect.any(String),
        body,
        attributes: {
          ApproximateReceiveCount: '1',
          SentTimestamp: expect.stringMatching(/^\d+$/),
          SenderId: expect.any(String),
          ApproximateFirstReceiveTimestamp: expect.stringMatching(/^\d+$/),
        },
        messageAttributes: {
          kind: { stringValue: 'delivery', stringListValues: [], binaryListValues: [], dataType: 'String' },
          bytes: { binaryValue: Buffer.from('raw').toString('base64'), stringListValues: [], binaryListValues: [], dataType: 'Binary' },
        },
        md5OfBody: createHash('md5').update(body).digest('hex'),
        md5OfMessageAttributes: expect.stringMatching(/^[0-9a-f]{32}$/),
        eventSource: 'aws:sqs',
        eventSourceARN: Attributes?.QueueArn,
        awsRegion: config().AWS_REGION,
      },
    ]);
    expect(Number(recorded.records[0]?.attributes.SentTimestamp)).toBeGreaterThanOrEqual(sentAt - 1_000);
  });

  it('leaves a failed message on the queue, and hands it over again once its visibility lapses', async () => {
    const queueUrl = await newDeliveryQueue();
    await send(queueUrl, 'fails once');
    await send(queueUrl, 'fine');
    let failed = false;
    const recorded = recordingHandler(async (event) => {
      const failing = event.Records.find((record) => record.body === 'fails once' && !failed);
      if (!failing) return undefined;
      failed = true;
      // What the delivery handler does with a delivery to retry: postpone it, and report it failed.
      await sqsClient().send(
        new ChangeMessageVisibilityCommand({ QueueUrl: queueUrl, ReceiptHandle: failing.receiptHandle, VisibilityTimeout: 1 }),
      );
      return { batchItemFailures: [{ itemIdentifier: failing.messageId }] };
    });

    await startPoller({ queueUrl, handler: recorded.handler, batchSize: webhookQueueSettings.batchSize });
    await pollUntil(recorded.bodies, (bodies) => bodies.filter((body) => body === 'fails once').length === 2, { timeoutMs: 10_000 });
    await pollUntil(
      () => messagesOn(queueUrl),
      (count) => count === 0,
    );

    expect(recorded.bodies().sort()).toEqual(['fails once', 'fails once', 'fine']);
    const retried = recorded.records.filter((record) => record.body === 'fails once');
    expect(retried.map((record) => record.attributes.ApproximateReceiveCount)).toEqual(['1', '2']);
    expect(retried[0]?.messageId).toBe(retried[1]?.messageId);
  });

  it('leaves the whole batch of a handler that throws on the queue', async () => {
    const { QueueUrl: queueUrl = '' } = await sqsClient().send(
      new CreateQueueCommand({ QueueName: `poller-${randomUUID().slice(0, 8)}`, Attributes: { VisibilityTimeout: '1' } }),
    );
    queues.push(queueUrl);
    await send(queueUrl, 'first try throws');
    let calls = 0;
    const recorded = recordingHandler(() => {
      calls += 1;
      if (calls === 1) throw new Error('the function crashed');
    });

    await startPoller({ queueUrl, handler: recorded.handler, batchSize: 10 });
    await pollUntil(recorded.bodies, (bodies) => bodies.length === 2, { timeoutMs: 10_000 });
    await pollUntil(
      () => messagesOn(queueUrl),
      (count) => count === 0,
    );

    expect(recorded.records.map((record) => record.attributes.ApproximateReceiveCount)).toEqual(['1', '2']);
  });

  it('handles other batches while one batch is slow', async () => {
    const queueUrl = await newDeliveryQueue();
    let releaseSlow = () => undefined as void;
    const slowReleased = new Promise<void>((resolve) => (releaseSlow = resolve));
    const handledAt = new Map<string, number>();
    const recorded = recordingHandler(async (event) => {
      if (event.Records.some((record) => record.body === 'slow')) await slowReleased;
      for (const record of event.Records) handledAt.set(record.body, Date.now());
    });
    await startPoller({ queueUrl, handler: recorded.handler, batchSize: webhookQueueSettings.batchSize });

    await send(queueUrl, 'slow');
    await pollUntil(recorded.bodies, (bodies) => bodies.includes('slow'));
    const sentAt = Date.now();
    await send(queueUrl, 'fast');
    await pollUntil(() => handledAt.has('fast'), Boolean, { timeoutMs: 5_000 });
    const fastLatencyMs = (handledAt.get('fast') ?? 0) - sentAt;
    releaseSlow();
    await pollUntil(
      () => messagesOn(queueUrl),
      (count) => count === 0,
    );

    expect(handledAt.has('slow')).toBe(true);
    expect(handledAt.get('fast')).toBeLessThan(handledAt.get('slow') ?? 0);
    expect(fastLatencyMs).toBeLessThan(1_500);
  });

  it('stops promptly, its receives and invocations returned', async () => {
    const queueUrl = await newDeliveryQueue();
    const poller = await startSqsPoller({ queueUrl, handler: recordingHandler().handler, batchSize: 10, waitSeconds: 1 });

    const startedAt = Date.now();
    await poller.stop();

    expect(Date.now() - startedAt).toBeLessThan(2_500);
  });
});
