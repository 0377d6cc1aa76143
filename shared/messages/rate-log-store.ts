import { BatchGetCommand, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '../aws-clients.ts';
import { tableName } from '../db.ts';
import { keys } from '../keys.ts';
import { decodeRateLog, encodeRateLog, type RateLimit } from './rate-limits.ts';

/** A limit's log as read: its admissions (epoch ms) and its version (0: never written). */
export interface RateLog {
  times: number[];
  version: number;
}

/** The current logs of the limits, in order, read consistently in one batch. */
export async function readRateLogs(limits: readonly RateLimit[]): Promise<RateLog[]> {
  const found = new Map<string, Record<string, unknown>>();
  let wanted: Record<string, unknown>[] | undefined = limits.map((limit) => ({ ...keys.rateLog(limit.scope) }));
  while (wanted?.length) {
    const answer: BatchGetCommandOutput = await dynamoClient().send(
      new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: wanted, ConsistentRead: true } } }),
    );
    for (const item of answer.Responses?.[tableName()] ?? []) found.set(String(item.pk), item);
    // Keys DynamoDB did not get to this time are asked for again.
    wanted = answer.UnprocessedKeys?.[tableName()]?.Keys;
  }
  return limits.map((limit) => {
    const item = found.get(keys.rateLog(limit.scope).pk);
    return { times: decodeRateLog(item), version: Number(item?.version ?? 0) };
  });
}

/**
 * The transaction item that replaces a log with `times`, only if it is still the version read: a
 * concurrent admission in between makes the transaction fail, never lost.
 */
export function rateLogPut(limit: RateLimit, read: RateLog, times: readonly number[], nowMs: number) {
  return {
    Put: {
      TableName: tableName(),
      Item: {
        ...keys.rateLog(limit.scope),
        ...encodeRateLog(times),
        version: read.version + 1,
        expiresAt: Math.ceil(nowMs / 1000) + limit.windowSeconds + 60,
      },
      ConditionExpression: read.version === 0 ? 'attribute_not_exists(pk)' : 'version = :version',
      ...(read.version === 0 ? {} : { ExpressionAttributeValues: { ':version': read.version } }),
    },
  };
}
