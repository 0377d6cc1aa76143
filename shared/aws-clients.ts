import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { config } from './config.ts';
import { deadLetterQueueName, queueName, type QueueKind } from './resources.ts';

/** AWS SDK clients, created once per process; endpoint overrides point them at the local emulators. */

let dynamo: DynamoDBDocumentClient | undefined;
let sqs: SQSClient | undefined;
let s3: S3Client | undefined;

export function dynamoClient(): DynamoDBDocumentClient {
  const { AWS_REGION, DYNAMODB_ENDPOINT } = config();
  dynamo ??= DynamoDBDocumentClient.from(new DynamoDBClient({ region: AWS_REGION, endpoint: DYNAMODB_ENDPOINT }), {
    marshallOptions: { removeUndefinedValues: true },
  });
  return dynamo;
}

export function sqsClient(): SQSClient {
  const { AWS_REGION, SQS_ENDPOINT } = config();
  sqs ??= new SQSClient({ region: AWS_REGION, endpoint: SQS_ENDPOINT });
  return sqs;
}

export function s3Client(): S3Client {
  const { AWS_REGION, S3_ENDPOINT } = config();
  // Emulators serve buckets by path, not by virtual host. Checksums only where S3 requires them:
  // the connector writes a small auth-state object per message sent, over TLS, and computing and
  // checking a CRC32 of each in JavaScript was a measurable share of its CPU.
  s3 ??= new S3Client({
    region: AWS_REGION,
    endpoint: S3_ENDPOINT,
    forcePathStyle: S3_ENDPOINT !== undefined,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  return s3;
}

/** The URL of one shard's queue, or of its dead-letter queue. */
export function queueUrl(kind: QueueKind, shard: number, deadLetter = false): string {
  const { QUEUE_URL_BASE, QUEUE_NAME_PREFIX } = config();
  const name = deadLetter ? deadLetterQueueName(QUEUE_NAME_PREFIX, kind, shard) : queueName(QUEUE_NAME_PREFIX, kind, shard);
  return `${QUEUE_URL_BASE}/${name}`;
}
