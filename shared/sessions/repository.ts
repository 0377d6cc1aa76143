import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '../aws-clients.ts';
import { failedConditions, isConditionFailure, tableName } from '../db.ts';
import { BadRequestError } from '../errors.ts';
import { indexNames, keys } from '../keys.ts';
import type { SessionView } from '../schemas/sessions.ts';
import type { SessionItem } from './session.ts';

export const sessionExistsMessage = 'Session already exists';

/** Writes the session and its phone-number lock together: both ids are unique across the service. */
export async function createSession(session: SessionItem): Promise<void> {
  try {
    await dynamoClient().send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: tableName(), Item: sessionRecord(session), ConditionExpression: 'attribute_not_exists(pk)' } },
          {
            Put: {
              TableName: tableName(),
              Item: { ...keys.phoneLock(session.phoneNumber), sessionId: session.sessionId, userId: session.userId },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ],
      }),
    );
  } catch (error) {
    const failed = failedConditions(error);
    if (failed?.[0]) throw new BadRequestError(sessionExistsMessage, { cause: error });
    if (failed?.[1]) throw new BadRequestError('A session for this phone number already exists', { cause: error });
    throw error;
  }
}

export async function getSession(sessionId: string): Promise<SessionItem | undefined> {
  const { Item } = await dynamoClient().send(new GetCommand({ TableName: tableName(), Key: keys.session(sessionId), ConsistentRead: true }));
  return Item as SessionItem | undefined;
}

export async function findSessionIdByPhone(phoneNumber: string): Promise<string | undefined> {
  const { Item } = await dynamoClient().send(new GetCommand({ TableName: tableName(), Key: keys.phoneLock(phoneNumber) }));
  return Item ? String(Item.sessionId) : undefined;
}

/** Marks a new link attempt: the previous QR, code and error no longer apply. */
export async function markStartRequested(sessionId: string, method: SessionItem['method'], at: string): Promise<void> {
  await dynamoClient().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.session(sessionId),
      UpdateExpression: 'SET #status = :starting, #method = :method, startRequestedAt = :at, updatedAt = :at REMOVE qr, qrUpdatedAt, pairingCode, pairingCodeUpdatedAt, lastError',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: { '#status': 'status', '#method': 'method' },
      ExpressionAttributeValues: { ':starting': 'starting', ':method': method, ':at': at },
    }),
  );
}

export type ConnectorUpdate = Partial<Pick<SessionItem, 'status' | 'qr' | 'pairingCode' | 'lastError' | 'linkedJid'>>;

/**
 * A connector's write to a session, fenced by its shard lease: it fails (false) when the session
 * is gone or a newer lease holder has written since.
 */
export async function applyConnectorUpdate(sessionId: string, fence: number, update: ConnectorUpdate, at: string): Promise<boolean> {
  const set: Record<string, unknown> = { ...update, fence, updatedAt: at };
  if (update.qr !== undefined) set.qrUpdatedAt = at;
  if (update.pairingCode !== undefined) set.pairingCodeUpdatedAt = at;
  const remove = update.status === 'connected' ? ['qr', 'qrUpdatedAt', 'pairingCode', 'pairingCodeUpdatedAt', 'lastError'] : [];
  const names = Object.fromEntries(Object.keys(set).map((name) => [`#${name}`, name]));
  const values = Object.fromEntries(Object.entries(set).map(([name, value]) => [`:${name}`, value]));
  try {
    await dynamoClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.session(sessionId),
        UpdateExpression: `SET ${Object.keys(set).map((name) => `#${name} = :${name}`).join(', ')}${remove.length ? ` REMOVE ${remove.join(', ')}` : ''}`,
        ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(#fence) OR #fence <= :fence)',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** Removes the session and releases its phone number. */
export async function deleteSession(session: Pick<SessionItem, 'sessionId' | 'phoneNumber'>): Promise<void> {
  await dynamoClient().send(
    new TransactWriteCommand({
      TransactItems: [
        { Delete: { TableName: tableName(), Key: keys.session(session.sessionId) } },
        {
          Delete: {
            TableName: tableName(),
            Key: keys.phoneLock(session.phoneNumber),
            ConditionExpression: 'attribute_not_exists(pk) OR sessionId = :id',
            ExpressionAttributeValues: { ':id': session.sessionId },
          },
        },
      ],
    }),
  );
}

/** Every session the user owns, oldest first. */
export async function listSessionsOfUser(userId: number): Promise<SessionItem[]> {
  return queryAll(indexNames.gsi1, 'gsi1pk', keys.sessionsOfUser(userId).gsi1pk);
}

/** Every session of one connector shard. */
export async function listSessionsOfShard(shard: number): Promise<SessionItem[]> {
  return queryAll(indexNames.gsi2, 'gsi2pk', keys.sessionsOfShard(shard).gsi2pk);
}

export function toSessionView(session: SessionItem): SessionView {
  const { sessionId, phoneNumber, status, userId, createdAt, updatedAt } = session;
  return { sessionId, phoneNumber, status, userId, createdAt, updatedAt };
}

async function queryAll(indexName: string, attribute: string, value: string): Promise<SessionItem[]> {
  const items: SessionItem[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await dynamoClient().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: indexName,
        KeyConditionExpression: '#key = :value',
        ExpressionAttributeNames: { '#key': attribute },
        ExpressionAttributeValues: { ':value': value },
        ExclusiveStartKey: start,
      }),
    );
    items.push(...((page.Items ?? []) as SessionItem[]));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

function sessionRecord(session: SessionItem) {
  return {
    ...keys.session(session.sessionId),
    ...keys.sessionsOfUser(session.userId, session.createdAt),
    ...keys.sessionsOfShard(session.shard, session.sessionId),
    type: 'session',
    ...session,
  };
}

