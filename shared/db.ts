import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { config } from './config.ts';

export const tableName = () => config().TABLE_NAME;

/** Epoch seconds for the table's TTL attribute. */
export const epochSeconds = (date: Date) => Math.floor(date.getTime() / 1000);

/**
 * Which items of a cancelled transaction failed their condition, by position; undefined when the
 * error is not a transaction cancellation.
 */
export function failedConditions(error: unknown): boolean[] | undefined {
  if (!(error instanceof TransactionCanceledException)) return undefined;
  return (error.CancellationReasons ?? []).map((reason) => reason.Code === 'ConditionalCheckFailed');
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
