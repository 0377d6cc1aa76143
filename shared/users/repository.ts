import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { dynamoClient } from '../aws-clients.ts';
import { decodeCursor, encodeCursor, failedConditions, tableName } from '../db.ts';
import { AlreadyExists, Conflict, InvalidInput } from '../errors.ts';
import { indexNames, keys } from '../keys.ts';
import type { User } from './user.ts';

export const emailTakenMessage = 'A user with this email already exists';

/** Allocates the next user id from the atomic counter (ids are never reused; a failed sign-up leaves a gap). */
export async function nextUserId(): Promise<number> {
  const { Attributes } = await dynamoClient().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.userCounter(),
      UpdateExpression: 'ADD #value :one',
      ExpressionAttributeNames: { '#value': 'value' },
      ExpressionAttributeValues: { ':one': 1 },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  return Number(Attributes?.value);
}

/** Writes the user, its email lock and its API-key lookup together, or nothing. */
export async function createUser(user: User): Promise<void> {
  try {
    await dynamoClient().send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: tableName(), Item: userRecord(user), ConditionExpression: 'attribute_not_exists(pk)' } },
          {
            Put: {
              TableName: tableName(),
              Item: { ...keys.emailLock(user.email), userId: user.id },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName: tableName(),
              Item: { ...keys.apiKeyLookup(user.apiKeyHmac), userId: user.id },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ],
      }),
    );
  } catch (error) {
    if (failedConditions(error)?.[1]) throw new AlreadyExists(emailTakenMessage, { cause: error });
    throw error;
  }
}

export async function getUser(userId: number): Promise<User | undefined> {
  const { Item } = await dynamoClient().send(new GetCommand({ TableName: tableName(), Key: keys.user(userId) }));
  return Item && toUser(Item);
}

export async function findUserByEmail(email: string): Promise<User | undefined> {
  const { Item } = await dynamoClient().send(new GetCommand({ TableName: tableName(), Key: keys.emailLock(email) }));
  return Item ? getUser(Number(Item.userId)) : undefined;
}

export async function findUserIdByApiKeyHmac(apiKeyHmac: string): Promise<number | undefined> {
  const { Item } = await dynamoClient().send(new GetCommand({ TableName: tableName(), Key: keys.apiKeyLookup(apiKeyHmac) }));
  return Item ? Number(Item.userId) : undefined;
}

/**
 * Applies a profile change to the user as read (`current`): a new email moves the email lock in the
 * same transaction; a new password hash bumps the token version. A concurrent change is a conflict.
 */
export async function updateProfile(current: User, change: { email?: string; passwordHash?: string }, updatedAt: string): Promise<User> {
  const next: User = {
    ...current,
    email: change.email ?? current.email,
    passwordHash: change.passwordHash ?? current.passwordHash,
    tokenVersion: change.passwordHash ? current.tokenVersion + 1 : current.tokenVersion,
    updatedAt,
  };
  const movesEmail = next.email !== current.email;
  try {
    await dynamoClient().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName(),
              Item: userRecord(next),
              ConditionExpression: 'updatedAt = :seen AND tokenVersion = :version',
              ExpressionAttributeValues: { ':seen': current.updatedAt, ':version': current.tokenVersion },
            },
          },
          ...(movesEmail
            ? [
                {
                  Delete: {
                    TableName: tableName(),
                    Key: keys.emailLock(current.email),
                    ConditionExpression: 'userId = :id',
                    ExpressionAttributeValues: { ':id': current.id },
                  },
                },
                {
                  Put: {
                    TableName: tableName(),
                    Item: { ...keys.emailLock(next.email), userId: current.id },
                    ConditionExpression: 'attribute_not_exists(pk)',
                  },
                },
              ]
            : []),
        ],
      }),
    );
  } catch (error) {
    const failed = failedConditions(error);
    if (failed?.[2]) throw new AlreadyExists(emailTakenMessage, { cause: error });
    if (failed?.some(Boolean)) throw new Conflict('The profile changed concurrently; read it again and retry', { cause: error });
    throw error;
  }
  return next;
}

/** Swaps the user's API key: the old lookup item goes in the same transaction, so the old key dies at once. */
export async function replaceApiKey(current: User, apiKey: { hmac: string; ciphertext: string }, updatedAt: string): Promise<void> {
  try {
    await dynamoClient().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: tableName(),
              Key: keys.user(current.id),
              UpdateExpression: 'SET apiKeyHmac = :hmac, apiKeyCiphertext = :ciphertext, updatedAt = :now',
              ConditionExpression: 'apiKeyHmac = :old',
              ExpressionAttributeValues: {
                ':hmac': apiKey.hmac,
                ':ciphertext': apiKey.ciphertext,
                ':now': updatedAt,
                ':old': current.apiKeyHmac,
              },
            },
          },
          { Delete: { TableName: tableName(), Key: keys.apiKeyLookup(current.apiKeyHmac) } },
          {
            Put: {
              TableName: tableName(),
              Item: { ...keys.apiKeyLookup(apiKey.hmac), userId: current.id },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ],
      }),
    );
  } catch (error) {
    if (failedConditions(error)?.[0]) throw new Conflict('The API key changed concurrently; read it again and retry', { cause: error });
    throw error;
  }
}

/** Makes an existing user an admin (the ops command's promotion path). */
export async function promoteToAdmin(userId: number, updatedAt: string): Promise<void> {
  await dynamoClient().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.user(userId),
      UpdateExpression: 'SET #role = :admin, updatedAt = :now',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: { '#role': 'role' },
      ExpressionAttributeValues: { ':admin': 'admin', ':now': updatedAt },
    }),
  );
}

const listingCursor = z.object({ pk: z.string(), sk: z.string(), gsi1pk: z.literal('USERS'), gsi1sk: z.string() });

/** Users in id order, a page at a time. */
export async function listUsers(page: { limit: number; cursor?: string }): Promise<{ users: User[]; nextCursor?: string }> {
  const start = page.cursor === undefined ? undefined : listingCursor.safeParse(decodeCursor(page.cursor));
  if (start && !start.success) throw new InvalidInput('Invalid cursor');
  const { gsi1pk } = keys.userListing(0);
  const { Items = [], LastEvaluatedKey } = await dynamoClient().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: indexNames.gsi1,
      KeyConditionExpression: 'gsi1pk = :users',
      ExpressionAttributeValues: { ':users': gsi1pk },
      Limit: page.limit,
      ExclusiveStartKey: start?.data,
    }),
  );
  return { users: Items.map(toUser), nextCursor: encodeCursor(LastEvaluatedKey) };
}

function userRecord(user: User) {
  return { ...keys.user(user.id), ...keys.userListing(user.id), type: 'user', ...user };
}

/** The stored item as a user, without its storage keys. */
function toUser(item: Record<string, unknown>): User {
  return {
    id: Number(item.id),
    email: String(item.email),
    role: item.role === 'admin' ? 'admin' : 'user',
    passwordHash: String(item.passwordHash),
    tokenVersion: Number(item.tokenVersion),
    apiKeyHmac: String(item.apiKeyHmac),
    apiKeyCiphertext: String(item.apiKeyCiphertext),
    createdAt: String(item.createdAt),
    updatedAt: String(item.updatedAt),
  };
}
