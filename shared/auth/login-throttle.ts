import { DeleteCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '../aws-clients.ts';
import { epochSeconds, isConditionFailure, tableName } from '../db.ts';
import { TooManyRequestsError } from '../errors.ts';
import { keys } from '../keys.ts';

/** Failed logins allowed per email within one window before further attempts are refused. */
export const maxFailedLogins = 5;
export const failedLoginWindowSeconds = 15 * 60;

/** Refuses an email that has used up its failed attempts in the current window (429 with Retry-After). */
export async function assertLoginAllowed(email: string, now = new Date()): Promise<void> {
  const { Item } = await dynamoClient().send(new GetCommand({ TableName: tableName(), Key: keys.loginAttempts(email) }));
  if (!Item) return;
  const windowEnds = Number(Item.windowStart) + failedLoginWindowSeconds;
  const remaining = windowEnds - epochSeconds(now);
  if (Number(Item.failures) >= maxFailedLogins && remaining > 0) {
    throw new TooManyRequestsError('Too many failed logins for this email; try again later', remaining);
  }
}

/** Counts a failure in the current window, or opens a new window when the last one has passed. */
export async function recordFailedLogin(email: string, now = new Date()): Promise<void> {
  const started = epochSeconds(now);
  const values = { ':now': started, ':cutoff': started - failedLoginWindowSeconds, ':expires': started + failedLoginWindowSeconds, ':one': 1 };
  try {
    await dynamoClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.loginAttempts(email),
        UpdateExpression: 'SET windowStart = :now, failures = :one, expiresAt = :expires',
        ConditionExpression: 'attribute_not_exists(pk) OR windowStart <= :cutoff',
        ExpressionAttributeValues: values,
      }),
    );
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    await dynamoClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.loginAttempts(email),
        UpdateExpression: 'ADD failures :one',
        ExpressionAttributeValues: { ':one': 1 },
      }),
    );
  }
}

export async function clearFailedLogins(email: string): Promise<void> {
  await dynamoClient().send(new DeleteCommand({ TableName: tableName(), Key: keys.loginAttempts(email) }));
}
