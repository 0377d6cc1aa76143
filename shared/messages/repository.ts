import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '../aws-clients.ts';
import { cancellationCodes, conflicted, epochSeconds, queryAll, retryConflicts, tableName, transactDecided } from '../db.ts';
import { RateLimited, Unavailable } from '../errors.ts';
import { keys, indexNames } from '../keys.ts';
import { type HistoryEntry, type Message, type MessageStatus, type SentMessage, type StatsCounter, type StoredMessage } from './message.ts';
import { messageRecord, toMessage, toSentMessage } from './message-items.ts';
import { claimPut, getIdempotencyClaim, type ClaimedKey, type IdempotencyClaim } from './idempotency.ts';
import { readRateLogs, rateLogPut } from './rate-log-store.ts';
import { admit, type RateLimit } from './rate-limits.ts';

/**
 * Tries of one send's transaction: each concurrent send of a session that wins changes the logs
 * the others read, so a burst of N needs up to N tries for the last of them.
 */
const maxStoreTries = 40;
const maxTransitionTries = 12;
/** Reads of a message that moved on between the read and the transition written from it. */
const maxAdvanceTries = 3;

export type StoreOutcome = { stored: true } | { stored: false; existing: ClaimedKey };

/**
 * In one transaction: records the send in every rate-limit log (each write conditional on the log
 * being as read, so no admission is lost or counted twice), writes the message `pending`, counts it
 * in the session's stats, and claims the idempotency key. Either all of it happens or none:
 * concurrent requests can never overfill a window. `clock` is for tests.
 */
export async function storeMessage(
  message: Message,
  limits: RateLimit[],
  idempotency?: IdempotencyClaim,
  clock: () => number = Date.now,
): Promise<StoreOutcome> {
  const outcome = await retryConflicts(async () => {
    const nowMs = clock();
    const logs = await readRateLogs(limits);
    const admissions = limits.map((limit, index) => ({ limit, log: logs[index]!, admission: admit(limit, logs[index]!.times, nowMs) }));
    const refused = admissions.find(({ admission }) => !admission.admitted);
    if (refused && !refused.admission.admitted) {
      // A repeated request is answered as before, even once its window is full.
      const existing = idempotency && (await getIdempotencyClaim(idempotency.userId, idempotency.key));
      if (existing) return { stored: false, existing } as const;
      throw new RateLimited(`Rate limit exceeded: ${refused.limit.name}`, refused.admission.retryAfterSeconds);
    }
    try {
      await dynamoClient().send(
        new TransactWriteCommand({
          TransactItems: [
            ...admissions.map(({ limit, log, admission }) => rateLogPut(limit, log, admission.admitted ? admission.times : [], nowMs)),
            { Put: { TableName: tableName(), Item: messageRecord(message), ConditionExpression: 'attribute_not_exists(pk)' } },
            statsUpdate(message, { pending: 1 }),
            ...(idempotency ? [claimPut(idempotency, message.messageId, nowMs)] : []),
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
      if (codes.some((code, index) => (index < limits.length && code === 'ConditionalCheckFailed') || code === 'TransactionConflict'))
        return conflicted;
      throw error;
    }
  }, maxStoreTries);
  if (outcome === conflicted) throw new Unavailable('Too many concurrent sends; try again');
  return outcome;
}

/** A message sent through the API: what sending and receipts move. A received message is not one. */
export async function getMessage(messageId: string): Promise<SentMessage | undefined> {
  const message = await getStoredMessage(messageId);
  return message?.origin === 'api' ? message : undefined;
}

/** A message sent or received, until its retention ends (DynamoDB's TTL deletes it some time later). */
export async function getStoredMessage(messageId: string): Promise<StoredMessage | undefined> {
  const { Item } = await dynamoClient().send(
    new GetCommand({ TableName: tableName(), Key: keys.message(messageId), ConsistentRead: true }),
  );
  const message = Item && toMessage(Item);
  return message && !expired(message) ? message : undefined;
}

const expired = (message: StoredMessage) => message.origin !== 'api' && message.expiresAt <= epochSeconds(new Date());

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
 * session and owner given, appends the step to its history and keeps the session's counters in
 * step, in one transaction. Answers false when the message had already moved on.
 */
export async function transition(
  message: Pick<Message, 'messageId' | 'sessionId' | 'userId' | 'status'>,
  to: keyof typeof transitions,
  fields: Partial<Pick<Message, 'failureReason' | 'sentAt' | 'deliveredAt' | 'readAt' | 'attempts'> & Pick<SentMessage, 'media'>> = {},
): Promise<boolean> {
  const at = new Date().toISOString();
  // A read receipt before (or without) the delivery receipt: what was read was delivered, then.
  const readUndelivered = to === 'read' && message.status === 'completed';
  const set: Record<string, unknown> = {
    ...(readUndelivered ? { deliveredAt: fields.readAt ?? at } : {}),
    ...fields,
    status: to,
    updatedAt: at,
  };
  const entry: HistoryEntry = { status: to, at, ...(fields.failureReason === undefined ? {} : { reason: fields.failureReason }) };
  const entries: HistoryEntry[] = readUndelivered ? [{ status: 'delivered', at }, entry] : [entry];
  const names = { ...Object.fromEntries(Object.keys(set).map((name) => [`#${name}`, name])), '#history': 'history' };
  const values: Record<string, unknown> = Object.fromEntries(Object.entries(set).map(([name, value]) => [`:${name}`, value]));
  values[':entry'] = entries;
  values[':noHistory'] = [];
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
          UpdateExpression: `SET ${[
            ...Object.keys(set).map((name) => `#${name} = :${name}`),
            // Items stored before the history began start it here.
            '#history = list_append(if_not_exists(#history, :noHistory), :entry)',
          ].join(', ')}${leavesPending ? ' REMOVE gsi2pk, gsi2sk' : ''}`,
          // Only the session (internal id) and owner it was stored for: never another's message.
          ConditionExpression: '#status = :from AND sessionId = :sessionId AND userId = :userId',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        },
      },
      ...(Object.keys(counterChange).length ? [statsUpdate(message, counterChange)] : []),
    ],
  });
  // A conflict is a concurrent write to the same stats item (a new message of this session).
  return transactDecided(transaction, maxTransitionTries, 'The message could not be updated for concurrent writes; it will be retried');
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
  const moved = await retryConflicts(async () => {
    const current = await getMessage(messageId);
    if (!current || !transitions[to].from.includes(current.status)) return false;
    if (ofSession !== undefined && current.sessionId !== ofSession) return false;
    // It moved on since this read: read it again.
    return (await transition(current, to, fields)) || conflicted;
  }, maxAdvanceTries);
  return moved === true;
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

/** Messages of a shard still pending since before `olderThan` (ISO time). */
export async function stalePendingMessages(shard: number, olderThan: string): Promise<SentMessage[]> {
  const items = await queryAll({
    IndexName: indexNames.gsi2,
    KeyConditionExpression: 'gsi2pk = :pending AND gsi2sk < :cutoff',
    ExpressionAttributeValues: { ':pending': keys.pendingMessages(shard).gsi2pk, ':cutoff': olderThan },
  });
  return items.map(toSentMessage);
}

function statsUpdate({ sessionId }: Pick<Message, 'sessionId'>, change: Partial<Record<StatsCounter, number>>) {
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
