import { HeadBucketCommand } from '@aws-sdk/client-s3';
import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient, queueUrl, s3Client, sqsClient } from './aws-clients.ts';
import { config } from './config.ts';
import { keys } from './keys.ts';
import type { DependencyCheck, Health } from './schemas/system.ts';

/** Reports the process and whether the table, the first send queue and the auth-state bucket answer. */
export async function checkHealth(): Promise<Health> {
  const { TABLE_NAME, AUTH_BUCKET_NAME } = config();
  const [dynamodb, sqs, s3] = await Promise.all([
    // A data-plane read: cheap, and it proves the table answers reads (DescribeTable is a control-plane call).
    probe((abortSignal) => dynamoClient().send(new GetCommand({ TableName: TABLE_NAME, Key: keys.healthProbe() }), { abortSignal })),
    probe((abortSignal) =>
      sqsClient().send(new GetQueueAttributesCommand({ QueueUrl: queueUrl('send', 0), AttributeNames: ['QueueArn'] }), { abortSignal }),
    ),
    probe((abortSignal) => s3Client().send(new HeadBucketCommand({ Bucket: AUTH_BUCKET_NAME }), { abortSignal })),
  ]);
  const { rss, heapTotal, heapUsed, external } = process.memoryUsage();
  const healthy = [dynamodb, sqs, s3].every((check) => check.status === 'ok');
  return {
    status: healthy ? 'ok' : 'degraded',
    timestamp: new Date().toISOString(),
    uptime: Math.round(process.uptime()),
    memory: { rss, heapTotal, heapUsed, external },
    version: process.version,
    checks: { dynamodb, sqs, s3 },
  };
}

async function probe(call: (signal: AbortSignal) => Promise<unknown>): Promise<DependencyCheck> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    await withTimeout(call, config().HEALTH_CHECK_TIMEOUT_MS);
    return { status: 'ok', latencyMs: elapsed() };
  } catch (error) {
    return { status: 'error', latencyMs: elapsed(), error: describe(error) };
  }
}

/** The call is told to give up (its request aborted) when the answer is late, not left running. */
async function withTimeout<T>(call: (signal: AbortSignal) => Promise<T>, ms: number): Promise<T> {
  const signal = AbortSignal.timeout(ms);
  return Promise.race([
    call(signal),
    new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(new Error(`no answer within ${ms} ms`)))),
  ]);
}

/** A short, safe reason: the error's name, never a stack or an endpoint. */
function describe(error: unknown): string {
  if (error instanceof Error && error.message.startsWith('no answer within')) return error.message;
  return error instanceof Error ? error.name : 'unknown error';
}
