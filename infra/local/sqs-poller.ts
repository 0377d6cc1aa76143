import { setTimeout as sleep } from 'node:timers/promises';
import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  type Message,
  type MessageAttributeValue,
} from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent, SQSMessageAttributes, SQSRecord } from 'aws-lambda';
import { sqsClient } from '../../shared/aws-clients.ts';
import { config } from '../../shared/config.ts';
import { logger } from '../../shared/logger.ts';

export type SqsHandler = (event: SQSEvent) => Promise<SQSBatchResponse | void>;

export interface SqsPollerOptions {
  queueUrl: string;
  handler: SqsHandler;
  /** Messages per invocation at most (the mapping's batch size, ≤ 10). */
  batchSize: number;
  /** Batches handled at once: as Lambda scales out, one slow batch holds up only itself. */
  concurrency?: number;
  /** Long-poll wait of each receive; short, since stopping waits for the receives under way. */
  waitSeconds?: number;
}

export interface SqsPoller {
  /** Resolves once every poller's receive and invocation has returned; no timer is left. */
  stop(): Promise<void>;
}

const defaults = { concurrency: 4, waitSeconds: 2 };
/** After an unexpected error (the emulator restarting), before a poller receives again. */
const errorPauseMs = 1_000;

/**
 * Lambda's SQS event source, locally: long-polls `queueUrl` and invokes `handler` with the event
 * Lambda sends (ReportBatchItemFailures): the messages it does not report as failures are deleted;
 * the failed ones are left as they are (the handler may have postponed them), and a handler that
 * throws leaves the whole batch to come back after its visibility timeout.
 */
export async function startSqsPoller(options: SqsPollerOptions): Promise<SqsPoller> {
  const { Attributes } = await sqsClient().send(
    new GetQueueAttributesCommand({ QueueUrl: options.queueUrl, AttributeNames: ['QueueArn'] }),
  );
  const queueArn = Attributes?.QueueArn;
  if (!queueArn) throw new Error(`The queue ${options.queueUrl} has no ARN`);
  const stopping = new AbortController();
  const source = { ...options, queueArn, region: config().AWS_REGION, stopping: stopping.signal };
  const pollers = Array.from({ length: options.concurrency ?? defaults.concurrency }, () => pollUntilStopped(source));
  return {
    stop: async () => {
      stopping.abort();
      await Promise.all(pollers);
    },
  };
}

interface EventSource extends SqsPollerOptions {
  queueArn: string;
  region: string;
  stopping: AbortSignal;
}

async function pollUntilStopped(source: EventSource): Promise<void> {
  while (!source.stopping.aborted) {
    try {
      // A receive is never aborted: the messages it took would stay hidden for their visibility timeout.
      const { Messages = [] } = await sqsClient().send(
        new ReceiveMessageCommand({
          QueueUrl: source.queueUrl,
          MaxNumberOfMessages: source.batchSize,
          WaitTimeSeconds: source.waitSeconds ?? defaults.waitSeconds,
          MessageSystemAttributeNames: ['All'],
          MessageAttributeNames: ['All'],
        }),
      );
      if (Messages.length === 0) continue;
      if (source.stopping.aborted) {
        await offerAgain(source.queueUrl, Messages);
        return;
      }
      await invokeAndDelete(source, Messages);
    } catch (error) {
      logger().warn('Could not poll the queue; trying again', { queueUrl: source.queueUrl, error });
      await sleep(errorPauseMs, undefined, { signal: source.stopping }).catch(() => undefined);
    }
  }
}

async function invokeAndDelete(source: EventSource, messages: Message[]): Promise<void> {
  const records = messages.map((message) => toLambdaRecord(message, source.queueArn, source.region));
  let response: SQSBatchResponse | void;
  try {
    response = await source.handler({ Records: records });
  } catch (error) {
    logger().error('The queue handler failed; its batch comes back after the visibility timeout', { queueUrl: source.queueUrl, error });
    return;
  }
  const failed = new Set((response?.batchItemFailures ?? []).map((failure) => failure.itemIdentifier));
  if ([...failed].some((messageId) => !records.some((record) => record.messageId === messageId))) {
    logger().error('The queue handler named messages not in its batch; the batch comes back after the visibility timeout', {
      queueUrl: source.queueUrl,
      batchItemFailures: response?.batchItemFailures,
    });
    return;
  }
  const handled = records.filter((record) => !failed.has(record.messageId));
  if (handled.length === 0) return;
  const { Failed = [] } = await sqsClient().send(
    new DeleteMessageBatchCommand({
      QueueUrl: source.queueUrl,
      Entries: handled.map((record, index) => ({ Id: String(index), ReceiptHandle: record.receiptHandle })),
    }),
  );
  if (Failed.length > 0) logger().warn('Some handled messages could not be deleted; they come back', { queueUrl: source.queueUrl, Failed });
}

/** Messages received as the poller stopped, handed to no one: visible again at once. */
async function offerAgain(queueUrl: string, messages: Message[]): Promise<void> {
  await sqsClient().send(
    new ChangeMessageVisibilityBatchCommand({
      QueueUrl: queueUrl,
      Entries: messages.map((message, index) => ({ Id: String(index), ReceiptHandle: message.ReceiptHandle, VisibilityTimeout: 0 })),
    }),
  );
}

/** A received message → the record Lambda's SQS event source hands a function. */
function toLambdaRecord(message: Message, queueArn: string, region: string): SQSRecord {
  const {
    ApproximateReceiveCount = '1',
    SentTimestamp = '',
    SenderId = '',
    ApproximateFirstReceiveTimestamp = '',
    ...more
  } = message.Attributes ?? {};
  return {
    messageId: message.MessageId ?? '',
    receiptHandle: message.ReceiptHandle ?? '',
    body: message.Body ?? '',
    attributes: { ApproximateReceiveCount, SentTimestamp, SenderId, ApproximateFirstReceiveTimestamp, ...more },
    messageAttributes: messageAttributes(message.MessageAttributes),
    md5OfBody: message.MD5OfBody ?? '',
    ...(message.MD5OfMessageAttributes ? { md5OfMessageAttributes: message.MD5OfMessageAttributes } : {}),
    eventSource: 'aws:sqs',
    eventSourceARN: queueArn,
    awsRegion: region,
  };
}

function messageAttributes(attributes: Record<string, MessageAttributeValue> = {}): SQSMessageAttributes {
  return Object.fromEntries(
    Object.entries(attributes).map(([name, value]) => [
      name,
      {
        ...(value.StringValue === undefined ? {} : { stringValue: value.StringValue }),
        ...(value.BinaryValue === undefined ? {} : { binaryValue: Buffer.from(value.BinaryValue).toString('base64') }),
        stringListValues: value.StringListValues ?? [],
        binaryListValues: (value.BinaryListValues ?? []).map((bytes) => Buffer.from(bytes).toString('base64')),
        dataType: value.DataType ?? 'String',
      },
    ]),
  );
}
