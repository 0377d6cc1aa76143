import { BatchGetCommand, type BatchGetCommandOutput, DeleteCommand, GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '../aws-clients.ts';
import { cancellationCodes, conflicted, isConditionFailure, queryAll, retryConflicts, tableName } from '../db.ts';
import { ServiceUnavailableError, TooManyRequestsError } from '../errors.ts';
import { keys, indexNames } from '../keys.ts';
import type { MessageItem, MessageStatus, StatsCounter } from './message.ts';
import { admit, decodeRateLog, encodeRateLog, type RateLimit } from './rate-limits.ts';

/**
 * Tries of one send's transaction: each concurrent send of a session that wins changes the logs
 * the others read, so a burst of N needs up to N tries for the last of them.
 */
const maxStoreTries = 40;
const maxTransitionTries = 12;

export interface IdempotencyClaim {
  userId: number;
  key: string;
  requestHash: string;
  expiresAt: number;
}

export type StoreOutcome = { stored: true } | { stored: false; existing: { messageId: string; requestHash: string } };

/**
 * In one transaction: records the send in every rate-limit log (each write conditional on the log
 * being as read, so no admission is lost or counted twice), writes the message `pending`, counts it
 * in the session's stats, and claims the idempotency key. Either all of it happens or none:
 * concurrent requests can never overfill a window. `clock` is for tests.
 */
export async function storeMessage(message: MessageItem, limits: RateLimit[], idempotency?: IdempotencyClaim, clock: () => number = Date.now): Promise<StoreOutcome> {
  const outcome = await retryConflicts(async () => {
    const nowMs = clock();
    const logs = await readRateLogs(limits);
    const admissions = limits.map((limit, index) => ({ limit, log: logs[index]!, admission: admit(limit, logs[index]!.times, nowMs) }));
    const refused = admissions.find(({ admission }) => !admission.admitted);
    if (refused && !refused.admission.admitted) {
      // A repeated request is answered as before, even once its window is full.
      const existing = idempotency && (await getIdempotencyClaim(idempotency.userId, idempotency.key));
      if (existing) return { stored: false, existing } as const;
      throw new TooManyRequestsError(`Rate limit exceeded: ${refused.limit.name}`, refused.admission.retryAfterSeconds);
    }
    try {
      await dynamoClient().send(
        new TransactWriteCommand({
          TransactItems: [
            ...admissions.map(({ limit, log, admission }) => ({
              Put: {
                TableName: tableName(),
                Item: {
                  ...keys.rateLog(limit.scope),
                  ...encodeRateLog(admission.admitted ? admission.times : []),
                  version: log.version + 1,
                  expiresAt: Math.ceil(nowMs / 1000) + limit.windowSeconds + 60,
                },
                ConditionExpression: log.version === 0 ? 'attribute_not_exists(pk)' : 'version = :version',
                ...(log.version === 0 ? {} : { ExpressionAttributeValues: { ':version': log.version } }),
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
      return { stored: true } as const;
    } catch (error) {
      const codes = cancellationCodes(error);
      if (!codes) throw error;
      if (idempotency && codes[limits.length + 2] === 'ConditionalCheckFailed') {
        const existing = await getIdempotencyClaim(idempotency.userId, idempotency.key);
        if (existing) return { stored: false, existing } as const;
      }
      // A log changed since it was read (a concurrent send won), or a concurrent write: read again.
      if (codes.some((code, index) => (index < limits.length && code === 'ConditionalCheckFailed') || code === 'TransactionConflict')) return conflicted;
      throw error;
    }
  }, maxStoreTries);
  if (outcome === conflicted) throw new ServiceUnavailableError('Too many concurrent sends; try again');
  return outcome;
}

/** The current logs of the limits, in order; a log never written has version 0. */
async function readRateLogs(limits: RateLimit[]): Promise<{ times: number[]; version: number }[]> {
  const found = new Map<string, Record<string, unknown>>();
  let wanted: Record<string, unknown>[] | undefined = limits.map((limit) => ({ ...keys.rateLog(limit.scope) }));
  while (wanted?.length) {
    const answer: BatchGetCommandOutput = await dynamoClient().send(
      new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: wanted, ConsistentRead: true } } }),
    );
    for (const item of answer.Responses?.[tableName()] ?? []) found.set(String(item.pk), item);
    wanted = answer.UnprocessedKeys?.[tableName()]?.Keys;
  }
  return limits.map((limit) => {
    const item = found.get(keys.rateLog(limit.scope).pk);
    return { times: decodeRateLog(item), version: Number(item?.version ?? 0) };
  });
}

/** Frees an Idempotency-Key whose message was never queued, so that a retry with it is a new send. */
export async function releaseIdempotencyClaim(userId: number, key: string, messageId: string): Promise<void> {
  await dynamoClient()
    .send(new DeleteCommand({ TableName: tableName(), Key: keys.idempotencyKey(userId, key), ConditionExpression: 'messageId = :id', ExpressionAttributeValues: { ':id': messageId } }))
    .catch((error: unknown) => {
      if (!isConditionFailure(error)) throw error;
    });
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
 * Moves a message to `to` if it is still in a status that may move there and is the message of the
 * session and owner given, and keeps the session's counters in step, in one transaction. Answers
 * false when the message had already moved on.
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
  values[':sessionId'] = message.sessionId;
  values[':userId'] = message.userId;
  const leavesPending = message.status === 'pending';
  const counterChange: Partial<Record<StatsCounter, number>> = {};
  if (countedAs(message.status) !== countedAs(to)) {
    counterChange[countedAs(message.status)] = -1;
    counterChange[countedAs(to)] = 1;
  }
  const transaction = new TransactWriteCommand({
    TransactItems: [
      {
        Update: {
          TableName: tableName(),
          Key: keys.message(message.messageId),
          UpdateExpression: `SET ${Object.keys(set).map((name) => `#${name} = :${name}`).join(', ')}${leavesPending ? ' REMOVE gsi2pk, gsi2sk' : ''}`,
          // Only the session (internal id) and owner it was stored for: never another's message.
          ConditionExpression: '#status = :from AND sessionId = :sessionId AND userId = :userId',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        },
      },
      ...(Object.keys(counterChange).length ? [statsUpdate(message, counterChange)] : []),
    ],
  });
  const outcome = await retryConflicts(async () => {
    try {
      await dynamoClient().send(transaction);
      return true;
    } catch (error) {
      const codes = cancellationCodes(error);
      if (codes?.[0] === 'ConditionalCheckFailed') return false;
      // A concurrent write to the same stats item (a new message of this session): not a verdict, try again.
      if (codes?.includes('TransactionConflict')) return conflicted;
      throw error;
    }
  }, maxTransitionTries);
  if (outcome === conflicted) throw new ServiceUnavailableError('The message could not be updated for concurrent writes; it will be retried');
  return outcome;
}

/**
 * Moves a message along its lifecycle from whatever status it is in now, if that is allowed.
 * With `ofSession`, only a message of that session (internal id) moves: a receipt arriving on one
 * session never touches another session's message.
 */
export async function advance(
  messageId: string,
  to: keyof typeof transitions,
  fields: Parameters<typeof transition>[2] = {},
  ofSession?: string,
): Promise<boolean> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const current = await getMessage(messageId);
    if (!current || !transitions[to].from.includes(current.status)) return false;
    if (ofSession !== undefined && current.sessionId !== ofSession) return false;
    if (await transition(current, to, fields)) return true;
  }
  return false;
}

/** Fails every message of the session still waiting to be sent; answers how many. */
export async function failWaitingMessages(sessionId: string, failureReason: string): Promise<number> {
  const waiting = await queryAll({
    IndexName: indexNames.gsi1,
    KeyConditionExpression: 'gsi1pk = :session',
    FilterExpression: '#status IN (:pending, :processing)',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':session': keys.messagesOfSession(sessionId).gsi1pk, ':pending': 'pending', ':processing': 'processing' },
  });
  let failed = 0;
  for (const item of waiting) if (await advance(String(item.messageId), 'failed', { failureReason })) failed += 1;
  return failed;
}

export interface SessionStats {
  pending: number;
  processing: number;
  completed: number;
  failed: number;
}

export async function getStats(sessionId: string): Promise<SessionStats> {
  const { Item } = await dynamoClient().send(new GetCommand({ TableName: tableName(), Key: keys.sessionStats(sessionId) }));
  const count = (name: StatsCounter) => Math.max(0, Number(Item?.[name] ?? 0));
  return { pending: count('pending'), processing: count('processing'), completed: count('completed'), failed: count('failed') };
}

/** A session's most recent messages, newest first. */
export async function recentMessages(sessionId: string, limit: number): Promise<MessageItem[]> {
  const { Items = [] } = await dynamoClient().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: indexNames.gsi1,
      KeyConditionExpression: 'gsi1pk = :session',
      ExpressionAttributeValues: { ':session': keys.messagesOfSession(sessionId).gsi1pk },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return Items as MessageItem[];
}

/** Messages of a shard still pending since before `olderThan` (ISO time). */
export async function stalePendingMessages(shard: number, olderThan: string): Promise<MessageItem[]> {
  const items = await queryAll({
    IndexName: indexNames.gsi2,
    KeyConditionExpression: 'gsi2pk = :pending AND gsi2sk < :cutoff',
    ExpressionAttributeValues: { ':pending': keys.pendingMessages(shard).gsi2pk, ':cutoff': olderThan },
  });
  return items as unknown as MessageItem[];
}

function statsUpdate({ sessionId }: Pick<MessageItem, 'sessionId'>, change: Partial<Record<StatsCounter, number>>) {
  const entries = Object.entries(change);
  return {
    Update: {
      TableName: tableName(),
      Key: keys.sessionStats(sessionId),
      UpdateExpression: `ADD ${entries.map(([name]) => `#${name} :${name}`).join(', ')}`,
      ExpressionAttributeNames: Object.fromEntries(entries.map(([name]) => [`#${name}`, name])),
      ExpressionAttributeValues: Object.fromEntries(entries.map(([name, value]) => [`:${name}`, value])),
    },
  };
}

function messageRecord(message: MessageItem) {
  return {
    ...keys.message(message.messageId),
    ...keys.messagesOfSession(message.sessionId, message.messageId),
    ...keys.pendingMessages(message.shard, message.createdAt),
    ...message,
  };
}

