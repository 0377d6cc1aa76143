import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, HeadBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import { CreateQueueCommand, GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { deadLetterQueueName, queueKinds, queueName, queueSettings, table } from '../../shared/resources.ts';

/** Creates, if missing, the table, every shard's queues and the buckets (auth state, media), from the shared definitions. */
export async function provision(
  clients: { dynamo: DynamoDBClient; sqs: SQSClient; s3: S3Client },
  names: {
    tableName: string;
    queuePrefix: string;
    shardCount: number;
    bucketNames: readonly string[];
  },
): Promise<void> {
  await Promise.all([
    ensureTable(clients.dynamo, names.tableName),
    ensureQueues(clients.sqs, names.queuePrefix, names.shardCount),
    ...names.bucketNames.map((bucketName) => ensureBucket(clients.s3, bucketName)),
  ]);
}

async function ensureTable(dynamo: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await dynamo.send(new DescribeTableCommand({ TableName: tableName }));
    return;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
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
    }),
  );
  await waitUntilTableExists({ client: dynamo, maxWaitTime: 30 }, { TableName: tableName });
  await dynamo.send(
    new UpdateTimeToLiveCommand({ TableName: tableName, TimeToLiveSpecification: { AttributeName: table.ttlAttribute, Enabled: true } }),
  );
}

async function ensureQueues(sqs: SQSClient, prefix: string, shardCount: number): Promise<void> {
  const shards = Array.from({ length: shardCount }, (_, shard) => shard);
  await Promise.all(
    shards.flatMap((shard) =>
      queueKinds.map(async (kind) => {
        const dlqUrl = await createFifoQueue(sqs, deadLetterQueueName(prefix, kind, shard), {
          MessageRetentionPeriod: String(queueSettings.deadLetterRetentionDays * 86_400),
        });
        const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: dlqUrl, AttributeNames: ['QueueArn'] }));
        await createFifoQueue(sqs, queueName(prefix, kind, shard), {
          VisibilityTimeout: String(queueSettings.visibilityTimeoutSeconds[kind]),
          MessageRetentionPeriod: String(queueSettings.retentionDays * 86_400),
          RedrivePolicy: JSON.stringify({
            deadLetterTargetArn: Attributes?.QueueArn,
            maxReceiveCount: queueSettings.maxReceiveCount[kind],
          }),
        });
      }),
    ),
  );
}

/** CreateQueue is idempotent for identical attributes. */
async function createFifoQueue(sqs: SQSClient, name: string, attributes: Record<string, string>): Promise<string> {
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: { FifoQueue: 'true', ...attributes } }));
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
