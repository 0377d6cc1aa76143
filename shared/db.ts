import { setTimeout as sleep } from 'node:timers/promises';
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { QueryCommand, type QueryCommandInput, type TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from './aws-clients.ts';
import { config } from './config.ts';
import { Unavailable } from './errors.ts';

export const tableName = () => config().TABLE_NAME;

/** Epoch seconds for the table's TTL attribute. */
export const epochSeconds = (date: Date) => Math.floor(date.getTime() / 1000);

/** An optional string attribute of a stored item, for mapping items to domain objects: anything else is absent. */
export const optionalText = (item: Record<string, unknown>, name: string): string | undefined =>
  typeof item[name] === 'string' ? item[name] : undefined;

/**
 * Which items of a cancelled transaction failed their condition, by position; undefined when the
 * error is not a transaction cancellation.
 */
export function failedConditions(error: unknown): boolean[] | undefined {
  if (!(error instanceof TransactionCanceledException)) return undefined;
  return (error.CancellationReasons ?? []).map((reason) => reason.Code === 'ConditionalCheckFailed');
}

/** The cancellation reason of each item of a cancelled transaction; undefined for any other error. */
export function cancellationCodes(error: unknown): (string | undefined)[] | undefined {
  if (!(error instanceof TransactionCanceledException)) return undefined;
  return (error.CancellationReasons ?? []).map((reason) => reason.Code);
}

/** What an attempt answers when a concurrent write got in its way: not a verdict, try again. */
export const conflicted = Symbol('conflicted');

/**
 * Runs `attempt` until it answers something other than `conflicted`, at most `tries` times, with a
 * short random pause between tries so that concurrent writers spread out. Answers `conflicted` if
 * every try did.
 */
export async function retryConflicts<T>(attempt: () => Promise<T | typeof conflicted>, tries: number): Promise<T | typeof conflicted> {
  for (let tried = 1; ; tried++) {
    const outcome = await attempt();
    if (outcome !== conflicted || tried >= tries) return outcome;
    await sleep(5 + Math.random() * Math.min(50, 10 * tried));
  }
}

export function isConditionFailure(error: unknown): boolean {
  return error instanceof ConditionalCheckFailedException;
}

/** Opaque pagination cursors: the last evaluated key, base64url-encoded JSON. */
export function encodeCursor(key: Record<string, unknown> | undefined): string | undefined {
  return key && Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string): unknown {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

/** Every item a query matches, page after page. */
export async function queryAll(query: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await dynamoClient().send(new QueryCommand({ ...query, TableName: tableName(), ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/**
 * Writes `transaction`, whose first item carries the condition that decides: false when that
 * condition failed. A conflict with a concurrent transaction (on a shared counter) is no verdict:
 * it is tried again, up to `tries` times, then answered as Unavailable with `busyMessage`.
 */
export async function transactDecided(transaction: TransactWriteCommand, tries: number, busyMessage: string): Promise<boolean> {
  const outcome = await retryConflicts(async () => {
    try {
      await dynamoClient().send(transaction);
      return true;
    } catch (error) {
      const codes = cancellationCodes(error);
      if (codes?.[0] === 'ConditionalCheckFailed') return false;
      if (codes?.includes('TransactionConflict')) return conflicted;
      throw error;
    }
  }, tries);
  if (outcome === conflicted) throw new Unavailable(busyMessage);
  return outcome;
}
