import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '../aws-clients.ts';
import { conflicted, epochSeconds, isConditionFailure, retryConflicts, tableName } from '../db.ts';
import { RateLimited, Unavailable } from '../errors.ts';
import { keys } from '../keys.ts';
import { passwordAttemptLimit, passwordAttemptWindowSeconds } from './password-attempts.ts';

/** A window opened by a parallel request between our two writes costs one more try; more is a storm. */
const maxReserveTries = 5;

/**
 * Counts one password attempt for the email, in its open window or in a new one when the last has
 * passed; a full window is rate limited until it ends.
 */
export async function reservePasswordAttempt(email: string, now = new Date()): Promise<void> {
  const seconds = epochSeconds(now);
  // A parallel request may open the window first: then this attempt counts in that window.
  const reserved = await retryConflicts(
    async () => ((await addToOpenWindow(email, seconds)) || (await openWindow(email, seconds)) ? true : conflicted),
    maxReserveTries,
  );
  if (reserved === conflicted) throw new Unavailable('Too many concurrent password attempts for this email; try again');
}

/** After a correct password the next window starts from nothing. */
export async function clearPasswordAttempts(email: string): Promise<void> {
  await dynamoClient().send(new DeleteCommand({ TableName: tableName(), Key: keys.loginAttempts(email) }));
}

/** Adds the attempt to the email's open window if it has room; false when no window is open. */
async function addToOpenWindow(email: string, seconds: number): Promise<boolean> {
  const cutoff = seconds - passwordAttemptWindowSeconds;
  try {
    await dynamoClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.loginAttempts(email),
        UpdateExpression: 'ADD attempts :one',
        ConditionExpression: 'windowStart > :cutoff AND attempts < :limit',
        ExpressionAttributeValues: { ':one': 1, ':cutoff': cutoff, ':limit': passwordAttemptLimit },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    return true;
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    const windowStart = Number(error.Item?.windowStart?.N);
    if (!(windowStart > cutoff)) return false;
    throw new RateLimited(
      'Too many password attempts for this email; try again later',
      windowStart + passwordAttemptWindowSeconds - seconds,
    );
  }
}

/** Opens a window holding this attempt, unless another request has opened one since. */
async function openWindow(email: string, seconds: number): Promise<boolean> {
  try {
    await dynamoClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.loginAttempts(email),
        UpdateExpression: 'SET windowStart = :now, attempts = :one, expiresAt = :expires',
        ConditionExpression: 'attribute_not_exists(pk) OR windowStart <= :cutoff',
        ExpressionAttributeValues: {
          ':now': seconds,
          ':one': 1,
          ':cutoff': seconds - passwordAttemptWindowSeconds,
          ':expires': seconds + passwordAttemptWindowSeconds,
        },
      }),
    );
    return true;
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    return false;
  }
}
