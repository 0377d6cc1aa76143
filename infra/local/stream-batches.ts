import { setTimeout as sleep } from 'node:timers/promises';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { logger } from '../../shared/logger.ts';

export type StreamHandler = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse | void>;

export interface RetryPolicy {
  /** Retries of a failing record before it is skipped (the mapping's `retryAttempts`). */
  maxRetries: number;
  /** Wait before the first retry; each further one waits twice as long, up to `maxDelayMs`. */
  firstDelayMs: number;
  maxDelayMs: number;
}

type Outcome = { handled: true } | { handled: false; failedFrom: number; error?: unknown };

/**
 * Hands `records` (one shard's, in order) to the handler as Lambda's DynamoDB event source mapping
 * does with ReportBatchItemFailures and BisectBatchOnFunctionError:
 * - the records before the first reported failure are done, and the batch is retried from it;
 * - a handler that throws has its batch split in two, each half retried on its own (a split is no retry);
 * - a record that keeps failing is retried `maxRetries` times, with a growing wait, then logged at
 *   error level and skipped, as the mapping's on-failure destination would receive it.
 * `done` is called with the sequence number up to which records are settled (handled or skipped).
 * Answers false if `stopping` aborted before all were settled.
 */
export async function handInOrder(
  records: readonly DynamoDBRecord[],
  handler: StreamHandler,
  policy: RetryPolicy,
  done: (sequenceNumber: string) => Promise<void>,
  stopping: AbortSignal,
): Promise<boolean> {
  const batches = [records];
  while (batches.length > 0) {
    let batch = batches.shift() ?? [];
    let failures = 0;
    while (batch.length > 0) {
      if (stopping.aborted) return false;
      const outcome = await invoke(batch, handler);
      if (outcome.handled) {
        await done(sequenceNumberOf(batch.at(-1)));
        break;
      }
      if (outcome.failedFrom > 0) {
        await done(sequenceNumberOf(batch[outcome.failedFrom - 1]));
        batch = batch.slice(outcome.failedFrom);
        failures = 0;
      } else if (outcome.error !== undefined && batch.length > 1) {
        const half = Math.ceil(batch.length / 2);
        batches.unshift(batch.slice(0, half), batch.slice(half));
        break;
      }
      failures += 1;
      if (failures > policy.maxRetries) {
        skip(batch[0], failures, outcome.error);
        await done(sequenceNumberOf(batch[0]));
        batch = batch.slice(1);
        failures = 0;
        continue;
      }
      const delayMs = Math.min(policy.firstDelayMs * 2 ** (failures - 1), policy.maxDelayMs);
      await sleep(delayMs, undefined, { signal: stopping }).catch(() => undefined);
    }
  }
  return true;
}

/** One invocation; a handler's answer naming a record outside the batch fails the batch whole, as Lambda has it. */
async function invoke(batch: readonly DynamoDBRecord[], handler: StreamHandler): Promise<Outcome> {
  let response: DynamoDBBatchResponse | void;
  try {
    response = await handler({ Records: [...batch] });
  } catch (error) {
    logger().warn('The stream handler failed; its batch is split and retried', { records: batch.length, error });
    return { handled: false, failedFrom: 0, error };
  }
  const failures = response?.batchItemFailures ?? [];
  if (failures.length === 0) return { handled: true };
  const positions = failures.map(({ itemIdentifier }) => batch.findIndex((record) => record.dynamodb?.SequenceNumber === itemIdentifier));
  if (positions.includes(-1)) {
    const error = new Error(`batchItemFailures names records not in the batch: ${JSON.stringify(failures)}`);
    logger().warn('The stream handler answered an invalid batch response; its batch is retried whole', { error });
    return { handled: false, failedFrom: 0, error };
  }
  return { handled: false, failedFrom: Math.min(...positions) };
}

function skip(record: DynamoDBRecord | undefined, attempts: number, error: unknown): void {
  logger().error('A stream record kept failing and is skipped: its change makes no webhook event', {
    attempts,
    eventID: record?.eventID,
    eventName: record?.eventName,
    sequenceNumber: record?.dynamodb?.SequenceNumber,
    keys: record?.dynamodb?.Keys,
    error,
  });
}

function sequenceNumberOf(record: DynamoDBRecord | undefined): string {
  const sequenceNumber = record?.dynamodb?.SequenceNumber;
  if (sequenceNumber === undefined) throw new Error('A stream record without a sequence number');
  return sequenceNumber;
}
