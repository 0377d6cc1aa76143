import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
  type DynamoDBClient,
  type StreamSpecification,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, HeadBucketCommand, PutBucketCorsCommand, type CORSRule, type S3Client } from '@aws-sdk/client-s3';
import { CreateQueueCommand, GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import {
  deadLetterQueueName,
  queueKinds,
  queueName,
  queueSettings,
  table,
  webhookDeadLetterQueueName,
  webhookQueueName,
  webhookQueueSettings,
} from '../../shared/resources.ts';
import { LocalStackError } from './errors.ts';

/** The table's stream, as the CDK app's table has it: webhook events are made from its records. */
const tableStream = { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' } as const satisfies StreamSpecification;

/**
 * Creates, if missing, the table (with its stream), every shard's queues, the webhook delivery
 * queue and the buckets (auth state, media), from the shared definitions; `cors` gives a bucket
 * its CORS rule (set again on every start: the rule names the API's port).
 */
export async function provision(
  clients: { dynamo: DynamoDBClient; sqs: SQSClient; s3: S3Client },
  names: {
    tableName: string;
    queuePrefix: string;
    shardCount: number;
    bucketNames: readonly string[];
    cors?: { bucketName: string; rule: CORSRule };
  },
): Promise<void> {
  await Promise.all([
    ensureTable(clients.dynamo, names.tableName),
    ensureQueues(clients.sqs, names.queuePrefix, names.shardCount),
    ensureWebhookQueues(clients.sqs, names.queuePrefix),
    ...names.bucketNames.map((bucketName) => ensureBucket(clients.s3, bucketName)),
  ]);
  const { cors } = names;
  if (cors) await clients.s3.send(new PutBucketCorsCommand({ Bucket: cors.bucketName, CORSConfiguration: { CORSRules: [cors.rule] } }));
}

async function ensureTable(dynamo: DynamoDBClient, tableName: string): Promise<void> {
  const existing = await describeTable(dynamo, tableName);
  if (existing) return ensureStream(dynamo, existing);
  const keyAttributes = [table.partitionKey, table.sortKey, ...table.indexes.flatMap((index) => [index.partitionKey, index.sortKey])];
  await dynamo.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: keyAttributes.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
      KeySchema: [
        { AttributeName: table.partitionKey, KeyType: 'HASH' },
        { AttributeName: table.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: table.indexes.map((index) => ({
        IndexName: index.name,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
      StreamSpecification: tableStream,
    }),
  );
  await waitUntilTableExists({ client: dynamo, maxWaitTime: 30 }, { TableName: tableName });
  await dynamo.send(
    new UpdateTimeToLiveCommand({ TableName: tableName, TimeToLiveSpecification: { AttributeName: table.ttlAttribute, Enabled: true } }),
  );
}

async function describeTable(dynamo: DynamoDBClient, tableName: string): Promise<TableDescription | undefined> {
  try {
    return (await dynamo.send(new DescribeTableCommand({ TableName: tableName }))).Table;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
}

/** A table from before webhooks (older local data) has no stream: it gets one, and its stream starts empty. */
async function ensureStream(dynamo: DynamoDBClient, existing: TableDescription): Promise<void> {
  const stream = existing.StreamSpecification;
  if (stream?.StreamEnabled && stream.StreamViewType === tableStream.StreamViewType) return;
  if (stream?.StreamEnabled) {
    throw new LocalStackError(
      `The table ${existing.TableName} has a ${stream.StreamViewType} stream; webhooks need ${tableStream.StreamViewType}. Start with a new data folder.`,
    );
  }
  await dynamo.send(new UpdateTableCommand({ TableName: existing.TableName, StreamSpecification: tableStream }));
}

async function ensureQueues(sqs: SQSClient, prefix: string, shardCount: number): Promise<void> {
  const shards = Array.from({ length: shardCount }, (_, shard) => shard);
  await Promise.all(
    shards.flatMap((shard) =>
      queueKinds.map(async (kind) => {
        const dlqUrl = await createFifoQueue(sqs, deadLetterQueueName(prefix, kind, shard), {
          MessageRetentionPeriod: String(queueSettings.deadLetterRetentionDays * 86_400),
        });
        await createFifoQueue(sqs, queueName(prefix, kind, shard), {
          VisibilityTimeout: String(queueSettings.visibilityTimeoutSeconds[kind]),
          MessageRetentionPeriod: String(queueSettings.retentionDays * 86_400),
          RedrivePolicy: JSON.stringify({
            deadLetterTargetArn: await queueArn(sqs, dlqUrl),
            maxReceiveCount: queueSettings.maxReceiveCount[kind],
          }),
        });
      }),
    ),
  );
}

/** The webhook delivery queue: standard, not FIFO, so no delivery waits behind another endpoint's. */
async function ensureWebhookQueues(sqs: SQSClient, prefix: string): Promise<void> {
  const dlqUrl = await createQueue(sqs, webhookDeadLetterQueueName(prefix), {
    MessageRetentionPeriod: String(webhookQueueSettings.deadLetterRetentionDays * 86_400),
  });
  await createQueue(sqs, webhookQueueName(prefix), {
    VisibilityTimeout: String(webhookQueueSettings.visibilityTimeoutSeconds),
    MessageRetentionPeriod: String(webhookQueueSettings.retentionDays * 86_400),
    RedrivePolicy: JSON.stringify({
      deadLetterTargetArn: await queueArn(sqs, dlqUrl),
      maxReceiveCount: webhookQueueSettings.maxReceiveCount,
    }),
  });
}

async function queueArn(sqs: SQSClient, queueUrl: string): Promise<string | undefined> {
  const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }));
  return Attributes?.QueueArn;
}

function createFifoQueue(sqs: SQSClient, name: string, attributes: Record<string, string>): Promise<string> {
  return createQueue(sqs, name, { FifoQueue: 'true', ...attributes });
}

/** CreateQueue is idempotent for identical attributes. */
async function createQueue(sqs: SQSClient, name: string, attributes: Record<string, string>): Promise<string> {
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }));
  if (!QueueUrl) throw new Error(`CreateQueue returned no URL for ${name}`);
  return QueueUrl;
}

async function ensureBucket(s3: S3Client, bucketName: string): Promise<void> {
  try {
    await s3.send(new HeadBucketCommand({ Bucket: bucketName }));
  } catch {
    await s3.send(new CreateBucketCommand({ Bucket: bucketName }));
  }
}
