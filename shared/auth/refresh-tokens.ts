import { createHash, randomBytes } from 'node:crypto';
import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '../aws-clients.ts';
import { epochSeconds, failedConditions, tableName } from '../db.ts';
import { Unauthorized } from '../errors.ts';
import { keys } from '../keys.ts';

/**
 * Rotating refresh tokens. Each login starts a family; each refresh spends the presented token and
 * issues the next one in the family. Presenting a spent token means it was stolen or replayed, so
 * the whole family is revoked. Only SHA-256 hashes of tokens are stored (they are random, not
 * guessable, so a slow hash adds nothing).
 */

const tokenPrefix = 'whr_';
const invalidMessage = 'Invalid or expired refresh token';

export interface RefreshGrant {
  userId: number;
  /** The user's token version when the family started; a password change ends the family. */
  tokenVersion: number;
}

/** One token of a family, as stored under its hash. */
interface IssuedToken {
  familyId: string;
  /** Presented once already: presenting it again is a replay. */
  spent: boolean;
  /** Epoch seconds; every token of a family expires with the family's first. */
  expiresAt: number;
}

interface Family {
  grant: RefreshGrant;
  revoked: boolean;
}

export async function startRefreshFamily(grant: RefreshGrant, lifetimeSeconds: number, now = new Date()): Promise<string> {
  const familyId = randomBytes(16).toString('base64url');
  const expiresAt = epochSeconds(now) + lifetimeSeconds;
  const token = newToken();
  await dynamoClient().send(
    new TransactWriteCommand({
      TransactItems: [
        { Put: { TableName: tableName(), Item: { ...keys.refreshFamily(familyId), ...grant, revoked: false, expiresAt } } },
        { Put: { TableName: tableName(), Item: { ...keys.refreshToken(hash(token)), familyId, spent: false, expiresAt } } },
      ],
    }),
  );
  return token;
}

/**
 * Spends `token` and returns its successor with the family's grant; the caller checks the grant
 * against the user's current token version.
 */
export async function rotateRefreshToken(token: string, now = new Date()): Promise<{ grant: RefreshGrant; token: string }> {
  if (!token.startsWith(tokenPrefix)) throw new Unauthorized(invalidMessage);
  const presented = await getIssuedToken(hash(token));
  if (!presented || presented.expiresAt <= epochSeconds(now)) throw new Unauthorized(invalidMessage);
  const { familyId } = presented;
  if (presented.spent) {
    await revokeFamily(familyId);
    throw new Unauthorized('Refresh token reuse detected; every session of this login was signed out');
  }
  const family = await getFamily(familyId);
  if (!family || family.revoked) throw new Unauthorized(invalidMessage);

  const next = newToken();
  try {
    await dynamoClient().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: tableName(),
              Key: keys.refreshToken(hash(token)),
              UpdateExpression: 'SET spent = :true',
              ConditionExpression: 'spent = :false',
              ExpressionAttributeValues: { ':true': true, ':false': false },
            },
          },
          {
            ConditionCheck: {
              TableName: tableName(),
              Key: keys.refreshFamily(familyId),
              ConditionExpression: 'revoked = :false',
              ExpressionAttributeValues: { ':false': false },
            },
          },
          {
            Put: {
              TableName: tableName(),
              Item: { ...keys.refreshToken(hash(next)), familyId, spent: false, expiresAt: presented.expiresAt },
            },
          },
        ],
      }),
    );
  } catch (error) {
    // Spent by a concurrent refresh: the same token presented twice is a replay.
    if (failedConditions(error)?.[0]) {
      await revokeFamily(familyId);
      throw new Unauthorized('Refresh token reuse detected; every session of this login was signed out', { cause: error });
    }
    if (failedConditions(error)?.[1]) throw new Unauthorized(invalidMessage, { cause: error });
    throw error;
  }
  return { grant: family.grant, token: next };
}

export async function revokeFamily(familyId: string): Promise<void> {
  await dynamoClient().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.refreshFamily(familyId),
      UpdateExpression: 'SET revoked = :true',
      ExpressionAttributeValues: { ':true': true },
    }),
  );
}

function newToken(): string {
  return `${tokenPrefix}${randomBytes(32).toString('base64url')}`;
}

function hash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

async function getIssuedToken(tokenHash: string): Promise<IssuedToken | undefined> {
  const { Item } = await dynamoClient().send(new GetCommand({ TableName: tableName(), Key: keys.refreshToken(tokenHash) }));
  return Item && { familyId: String(Item.familyId), spent: Boolean(Item.spent), expiresAt: Number(Item.expiresAt) };
}

async function getFamily(familyId: string): Promise<Family | undefined> {
  const { Item } = await dynamoClient().send(new GetCommand({ TableName: tableName(), Key: keys.refreshFamily(familyId) }));
  return Item && { grant: { userId: Number(Item.userId), tokenVersion: Number(Item.tokenVersion) }, revoked: Boolean(Item.revoked) };
}
