import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '../aws-clients.ts';
import { failedConditions, isConditionFailure, optionalText, queryAll, tableName } from '../db.ts';
import { AlreadyExists } from '../errors.ts';
import { indexNames, keys } from '../keys.ts';
import { sessionStatusSchema, type SessionView } from '../schemas/sessions.ts';
import type { Session } from './session.ts';

export const sessionExistsMessage = 'Session already exists';

/**
 * Writes the session with its two claims in one transaction: its name and its phone number, each
 * unique within its tenant. Other tenants' names and numbers are never consulted.
 */
export async function createSession(session: Session): Promise<void> {
  const claim = { sessionId: session.sessionId };
  try {
    await dynamoClient().send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: tableName(), Item: sessionRecord(session), ConditionExpression: 'attribute_not_exists(pk)' } },
          {
            Put: {
              TableName: tableName(),
              Item: { ...keys.sessionName(session.userId, session.name), ...claim },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName: tableName(),
              Item: { ...keys.sessionPhone(session.userId, session.phoneNumber), ...claim },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ],
      }),
    );
  } catch (error) {
    const failed = failedConditions(error);
    if (failed?.[1]) throw new AlreadyExists(sessionExistsMessage, { cause: error });
    if (failed?.[2]) {
      const holder = await findSessionByPhone(session.userId, session.phoneNumber);
      throw new AlreadyExists(`Your session ${holder ? `"${holder.name}" ` : ''}already uses ${session.phoneNumber}`, { cause: error });
    }
    throw error;
  }
}

/** A session by its internal id. */
export async function getSession(sessionId: string): Promise<Session | undefined> {
  const { Item } = await dynamoClient().send(
    new GetCommand({ TableName: tableName(), Key: keys.session(sessionId), ConsistentRead: true }),
  );
  return Item && toSession(Item);
}

/** The tenant's session of this name. */
export async function findSessionByName(userId: number, name: string): Promise<Session | undefined> {
  return claimedSession(userId, keys.sessionName(userId, name));
}

/** The tenant's session for this phone number. */
export async function findSessionByPhone(userId: number, phoneNumber: string): Promise<Session | undefined> {
  return claimedSession(userId, keys.sessionPhone(userId, phoneNumber));
}

async function claimedSession(userId: number, claimKey: { pk: string; sk: string }): Promise<Session | undefined> {
  const { Item } = await dynamoClient().send(new GetCommand({ TableName: tableName(), Key: claimKey, ConsistentRead: true }));
  if (!Item) return undefined;
  const session = await getSession(String(Item.sessionId));
  return session?.userId === userId ? session : undefined;
}

/** Marks a new link attempt: the previous QR, code and error no longer apply. */
export async function markStartRequested(sessionId: string, method: Session['method'], at: string): Promise<void> {
  await dynamoClient().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.session(sessionId),
      UpdateExpression:
        'SET #status = :starting, #method = :method, startRequestedAt = :at, updatedAt = :at REMOVE qr, qrUpdatedAt, pairingCode, pairingCodeUpdatedAt, lastError',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: { '#status': 'status', '#method': 'method' },
      ExpressionAttributeValues: { ':starting': 'starting', ':method': method, ':at': at },
    }),
  );
}

export type ConnectorUpdate = Partial<Pick<Session, 'status' | 'qr' | 'pairingCode' | 'lastError' | 'linkedJid'>>;

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
        UpdateExpression: `SET ${Object.keys(set)
          .map((name) => `#${name} = :${name}`)
          .join(', ')}${remove.length ? ` REMOVE ${remove.join(', ')}` : ''}`,
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

/**
 * Removes the session and frees its name and phone number, in one transaction. A claim is removed
 * only while it still points at this session; deleting a session that is already gone is a no-op.
 */
export async function deleteSession(session: Pick<Session, 'sessionId' | 'userId' | 'name' | 'phoneNumber'>): Promise<void> {
  const ownClaim = {
    ConditionExpression: 'attribute_not_exists(pk) OR sessionId = :id',
    ExpressionAttributeValues: { ':id': session.sessionId },
  };
  try {
    await dynamoClient().send(
      new TransactWriteCommand({
        TransactItems: [
          { Delete: { TableName: tableName(), Key: keys.session(session.sessionId) } },
          { Delete: { TableName: tableName(), Key: keys.sessionName(session.userId, session.name), ...ownClaim } },
          { Delete: { TableName: tableName(), Key: keys.sessionPhone(session.userId, session.phoneNumber), ...ownClaim } },
        ],
      }),
    );
  } catch (error) {
    // A claim held by another session means this one was deleted before and its name or number taken since.
    if (failedConditions(error)?.some(Boolean) && !(await getSession(session.sessionId))) return;
    throw error;
  }
}

/** Every session the user owns, oldest first. */
export async function listSessionsOfUser(userId: number): Promise<Session[]> {
  return (
    await queryAll({
      IndexName: indexNames.gsi1,
      KeyConditionExpression: 'gsi1pk = :key',
      ExpressionAttributeValues: { ':key': keys.sessionsOfUser(userId).gsi1pk },
    })
  ).map(toSession);
}

/** Every session of one connector shard. */
export async function listSessionsOfShard(shard: number): Promise<Session[]> {
  return (
    await queryAll({
      IndexName: indexNames.gsi2,
      KeyConditionExpression: 'gsi2pk = :key',
      ExpressionAttributeValues: { ':key': keys.sessionsOfShard(shard).gsi2pk },
    })
  ).map(toSession);
}

/** A session as the API shows it: its name is the `sessionId` of the API reference. */
export function toSessionView(session: Session): SessionView {
  const { name, phoneNumber, status, userId, createdAt, updatedAt, lastError } = session;
  return { sessionId: name, phoneNumber, status, userId, createdAt, updatedAt, lastError };
}

function sessionRecord(session: Session) {
  return {
    ...keys.session(session.sessionId),
    ...keys.sessionsOfUser(session.userId, session.createdAt),
    ...keys.sessionsOfShard(session.shard, session.sessionId),
    type: 'session',
    ...session,
  };
}

/** The stored item as a session, without its storage keys. */
function toSession(item: Record<string, unknown>): Session {
  return {
    sessionId: String(item.sessionId),
    name: String(item.name),
    userId: Number(item.userId),
    phoneNumber: String(item.phoneNumber),
    shard: Number(item.shard),
    status: sessionStatusSchema.parse(item.status),
    method: item.method === 'code' ? 'code' : 'qr',
    qr: optionalText(item, 'qr'),
    qrUpdatedAt: optionalText(item, 'qrUpdatedAt'),
    pairingCode: optionalText(item, 'pairingCode'),
    pairingCodeUpdatedAt: optionalText(item, 'pairingCodeUpdatedAt'),
    lastError: optionalText(item, 'lastError'),
    linkedJid: optionalText(item, 'linkedJid'),
    startRequestedAt: optionalText(item, 'startRequestedAt'),
    fence: item.fence === undefined ? undefined : Number(item.fence),
    createdAt: String(item.createdAt),
    updatedAt: String(item.updatedAt),
  };
}
