import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '../aws-clients.ts';
import { tableName } from '../db.ts';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { ServiceUnavailableError, TooManyRequestsError } from '../errors.ts';
import { keys, indexNames } from '../keys.ts';
import type { MessageItem, MessageStatus, StatsCounter } from './message.ts';
import { windowAt, type RateLimit } from './rate-limits.ts';

const maxConflictRetries = 12;

export interface IdempotencyClaim {
  userId: number;
  key: string;
  requestHash: string;
  expiresAt: number;
}

export type StoreOutcome = { stored: true } | { stored: false; existing: { messageId: string; requestHash: string } };

/**
 * In one transaction: takes a slot in every rate-limit window (each conditional on not being full),
 * writes the message `pending`, counts it in the session's stats, and claims the idempotency key.
 * Either all of it happens or none: concurrent requests can never overfill a window.
 */
export async function storeMessage(message: MessageItem, limits: RateLimit[], idempotency?: IdempotencyClaim): Promise<StoreOutcome> {
  for (let attempt = 0; ; attempt++) {
    const nowMs = Date.now();
    const windows = limits.map((limit) => ({ limit, ...windowAt(limit, nowMs) }));
    try {
      await dynamoClient().send(
        new TransactWriteCommand({
          TransactItems: [
            ...windows.map(({ limit, start }) => ({
              Update: {
                TableName: tableName(),
                Key: keys.rateWindow(limit.scope, String(start)),
                UpdateExpression: 'ADD #count :one SET expiresAt = :expires',
                ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit',
                ExpressionAttributeNames: { '#count': 'count' },
                ExpressionAttributeValues: { ':one': 1, ':limit': limit.limit, ':expires': start + limit.windowSeconds + 60 },
              },
            })),
            { Put: { TableName: tableName(), Item: messageRecord(message), ConditionExpression: 'attribute_not_exists(pk)' } },
            statsUpdate(message, { pending: 1 }),
            ...(idempotency
              ? [
                  {
                    Put: {
                      TableName: tableName(),
                      Item: { ...keys.idempotencyKey(idempotency.userId, idempotency.key), messageId: message.messageId, requestHash: idempotency.requestHash, expiresAt: idempotency.expiresAt },
                      // An expired claim stays until DynamoDB's TTL sweep, days later; it no longer holds the key.
                      ConditionExpression: 'attribute_not_exists(pk) OR expiresAt <= :now',
                      ExpressionAttributeValues: { ':now': Math.floor(nowMs / 1000) },
                    },
                  },
                ]
              : []),
          ],
        }),
      );
      return { stored: true };
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const codes = (error.CancellationReasons ?? []).map((reason) => reason.Code);
      if (idempotency && codes[limits.length + 2] === 'ConditionalCheckFailed') {
        const existing = await getIdempotencyClaim(idempotency.userId, idempotency.key);
        if (existing) return { stored: false, existing };
      }
      const full = windows.find((_, index) => codes[index] === 'ConditionalCheckFailed');
      if (full) throw new TooManyRequestsError(`Rate limit exceeded: ${full.limit.name}`, full.remainingSeconds, { cause: error });
      // Concurrent senders touched the same window: try again after a short random pause.
      if (codes.includes('TransactionConflict') && attempt < maxConflictRetries) {
        await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * (attempt + 1)));
        continue;
      }
      throw new ServiceUnavailableError('Too many concurrent sends; try again', { cause: error });
    }
  }
}

async function getIdempotencyClaim(userId: number, key: string): Promise<{ messageId: string; requestHash: string } | undefined> {
  const { Item } = await dynamoClient().send(new GetCommand({ TableName: tableName(), Key: keys.idempotencyKey(userId, key), ConsistentRead: true }));
  return Item && Number(Item.expiresAt) > Date.now() / 1000 ? { messageId: String(Item.messageId), requestHash: String(Item.requestHash) } : undefined;
}

export async function getMessage(messageId: string): Promise<MessageItem | undefined> {
  const { Item } = await dynamoClient().send(new GetCommand({ TableName: tableName(), Key: keys.message(messageId), ConsistentRead: true }));
  return Item as MessageItem | undefined;
}

/** Which statuses a transition may start from, and which counter it moves. */
const transitions = {
  processing: { from: ['pending', 'processing'] as MessageStatus[] },
  completed: { from: ['processing'] as MessageStatus[] },
  failed: { from: ['pending', 'processing'] as MessageStatus[] },
  delivered: { from: ['completed'] as MessageStatus[] },
  read: { from: ['completed', 'delivered'] as MessageStatus[] },
} as const;

const countedAs = (status: MessageStatus): StatsCounter => (status === 'delivered' || status === 'read' ? 'completed' : status);

/**
 * Moves a message to `to` if it is still in a status that may move there, and keeps the session's
 * counters in step, in one transaction. Answers false when the message had already moved on.
 */
export async function transition(
  message: Pick<MessageItem, 'messageId' | 'sessionId' | 'userId' | 'status'>,
  to: keyof typeof transitions,
  fields: Partial<Pick<MessageItem, 'failureReason' | 'sentAt' | 'deliveredAt' | 'readAt' | 'attempts'>> = {},
): Promise<boolean> {
  const at = new Date().toISOString();
  const set: Record<string, unknown> = { ...fields, status: to, updatedAt: at };
  const names = Object.fromEntries(Object.keys(set).map((name) => [`#${name}`, name]));
  const values: Record<string, unknown> = Object.fromEntries(Object.entries(set).map(([name, value]) => [`:${name}`, value]));
  values[':from'] = message.status;
  const leavesPending = message.status === 'pending';
  const counterChange: Partial<Record<StatsCounter, number>> = {};
  if (countedAs(message.status) !== countedAs(to)) {
    counterChange[countedAs(message.status)] = -1;
    counterChange[countedAs(to)] = 1;
  }
  const transaction = () => new TransactWriteCommand({
    TransactItems: [
      {
        Update: {
          TableName: tableName(),
          Key: keys.message(message.messageId),
          UpdateExpression: `SET ${Object.keys(set).map((name) => `#${name} = :${name}`).join(', ')}${leavesPending ? ' REMOVE gsi2pk, gsi2sk' : ''}`,
          ConditionExpression: '#status = :from',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        },
      },
      ...(Object.keys(counterChange).length ? [statsUpdate(message, counterChange)] : []),
    ],
  });
  for (let attempt = 0; ; attempt++) {
    try {
      await dynamoClient().send(transaction());
      return true;
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const codes = (error.CancellationReasons ?? []).map((reason) => reason.Code);
      if (codes[0] === 'ConditionalCheckFailed') return false;
      // A concurrent write to the same stats item (a new message of this session): not a verdict, try again.
      if (!codes.includes('TransactionConflict') || attempt >= maxConflictRetries) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * (attempt + 1)));
    }
  }
}

/** Moves a message along its lifecycle from whatever status it is in now, if that is allowed. */
export async function advance(
  messageId: string,
  to: keyof typeof transitions,
  fields: Parameters<typeof transition>[2] = {},
): Promise<boolean> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const current = await getMessage(messageId);
    if (!current || !transitions[to].from.includes(current.status)) return false;
    if (await transition(current, to, fields)) return true;
  }
  return false;
}

export interface SessionStats {
  pending: number;
  processing: number;
  completed: number;
  failed: number;
}

/** A session's owner and id: what its messages and counters are kept under. */
type OwnedSession = Pick<MessageItem, 'userId' | 'sessionId'>;

export async function getStats({ userId, sessionId }: OwnedSession): Promise<SessionStats> {
  const { Item } = await dynamoClient().send(new GetCommand({ TableName: tableName(), Key: keys.sessionStats(userId, sessionId) }));
  const count = (name: StatsCounter) => Math.max(0, Number(Item?.[name] ?? 0));
  return { pending: count('pending'), processing: count('processing'), completed: count('completed'), failed: count('failed') };
}

/** A session's most recent messages, newest first. */
export async function recentMessages({ userId, sessionId }: OwnedSession, limit: number): Promise<MessageItem[]> {
  const { Items = [] } = await dynamoClient().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: indexNames.gsi1,
      KeyConditionExpression: 'gsi1pk = :session',
      ExpressionAttributeValues: { ':session': keys.messagesOfSession(userId, sessionId).gsi1pk },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return Items as MessageItem[];
}

/** Messages of a shard still pending since before `olderThan` (ISO time). */
export async function stalePendingMessages(shard: number, olderThan: string): Promise<MessageItem[]> {
  const items: MessageItem[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await dynamoClient().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: indexNames.gsi2,
        KeyConditionExpression: 'gsi2pk = :pending AND gsi2sk < :cutoff',
        ExpressionAttributeValues: { ':pending': keys.pendingMessages(shard).gsi2pk, ':cutoff': olderThan },
        ExclusiveStartKey: start,
      }),
    );
    items.push(...((page.Items ?? []) as MessageItem[]));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

function statsUpdate({ userId, sessionId }: OwnedSession, change: Partial<Record<StatsCounter, number>>) {
  const entries = Object.entries(change);
  return {
    Update: {
      TableName: tableName(),
      Key: keys.sessionStats(userId, sessionId),
      UpdateExpression: `ADD ${entries.map(([name]) => `#${name} :${name}`).join(', ')}`,
      ExpressionAttributeNames: Object.fromEntries(entries.map(([name]) => [`#${name}`, name])),
      ExpressionAttributeValues: Object.fromEntries(entries.map(([name, value]) => [`:${name}`, value])),
    },
  };
}

function messageRecord(message: MessageItem) {
  return {
    ...keys.message(message.messageId),
    ...keys.messagesOfSession(message.userId, message.sessionId, message.messageId),
    ...keys.pendingMessages(message.shard, message.createdAt),
    ...message,
  };
}

