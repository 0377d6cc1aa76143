import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { encodeTime } from 'ulid';
import { dynamoClient } from '../aws-clients.ts';
import { config } from '../config.ts';
import { decodeCursor, encodeCursor, epochSeconds, tableName } from '../db.ts';
import { InvalidInput } from '../errors.ts';
import { keys } from '../keys.ts';
import type { EventType, StoredEvent, WebhookEvent } from './model.ts';

/** When an event made at `at` expires (TTL), and leaves `GET /events` and redelivery. */
export function eventExpiry(at: Date): number {
  return epochSeconds(at) + config().EVENT_RETENTION_DAYS * 86_400;
}

/** Stores an event for its tenant; storing the same event again (a retried stream batch) changes nothing. */
export async function storeEvent(event: StoredEvent): Promise<void> {
  await dynamoClient().send(new PutCommand({ TableName: tableName(), Item: { ...keys.event(event.userId, event.id), ...event } }));
}

export async function getStoredEvent(userId: number, eventId: string): Promise<StoredEvent | undefined> {
  const { Item } = await dynamoClient().send(new GetCommand({ TableName: tableName(), Key: keys.event(userId, eventId) }));
  // DynamoDB's TTL deletes an expired item some time later: until then it is already gone.
  return Item && Number(Item.expiresAt) > epochSeconds(new Date()) ? toStoredEvent(Item) : undefined;
}

/** What an endpoint is sent and `GET /events` lists: the event without its storage fields. */
export function publicEvent({ id, type, timestamp, data }: StoredEvent): WebhookEvent {
  return { id, type, timestamp, data };
}

export interface EventQuery {
  session?: string;
  type?: EventType;
  /** Events at or after this time; the oldest kept when absent. */
  since?: Date;
  limit: number;
  cursor?: string;
}

/**
 * A page of the tenant's events, oldest first from `since`, with the cursor of the next page
 * (null at the end: a receiver catching up polls again with it later, or with `since`). A cursor
 * is refused unless it is one of this tenant's listing.
 */
export async function listEvents(userId: number, query: EventQuery): Promise<{ events: WebhookEvent[]; nextCursor: string | null }> {
  const { pk, skPrefix } = keys.eventsOfUser(userId);
  const filters = [
    ...(query.session === undefined ? [] : ['#session = :session']),
    ...(query.type === undefined ? [] : ['#type = :type']),
    '#expiresAt > :now',
  ];
  const names: Record<string, string> = { '#expiresAt': 'expiresAt' };
  const values: Record<string, unknown> = { ':pk': pk, ':from': `${skPrefix}${sinceKey(query.since)}`, ':now': epochSeconds(new Date()) };
  if (query.session !== undefined) {
    names['#session'] = 'session';
    values[':session'] = query.session;
  }
  if (query.type !== undefined) {
    names['#type'] = 'type';
    values[':type'] = query.type;
  }
  const found: Record<string, unknown>[] = [];
  let start = query.cursor === undefined ? undefined : cursorStart(userId, query.cursor);
  // A filter skips items after they are read: a page is filled from as many queries as it takes, within bounds.
  for (let queries = 0; queries < 20; queries++) {
    const page = await dynamoClient().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND sk >= :from',
        FilterExpression: filters.join(' AND '),
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        Limit: query.limit + 1,
        ExclusiveStartKey: start,
      }),
    );
    found.push(...(page.Items ?? []));
    if (found.length > query.limit) {
      const events = found.slice(0, query.limit).map(toStoredEvent);
      return { events: events.map(publicEvent), nextCursor: encodeCursor({ ...keys.event(userId, events.at(-1)!.id) }) ?? null };
    }
    if (!page.LastEvaluatedKey) return { events: found.map(toStoredEvent).map(publicEvent), nextCursor: null };
    start = page.LastEvaluatedKey;
  }
  return { events: found.map(toStoredEvent).map(publicEvent), nextCursor: encodeCursor(start) ?? null };
}

/** The smallest event id of `since`'s millisecond: ids begin with their time. */
function sinceKey(since: Date | undefined): string {
  return since === undefined ? '' : `evt_${encodeTime(Math.max(0, since.getTime()), 10)}`;
}

function cursorStart(userId: number, cursor: string): Record<string, unknown> {
  const key = decodeCursor(cursor) as { pk?: unknown; sk?: unknown } | undefined;
  const { pk, skPrefix } = keys.eventsOfUser(userId);
  if (key?.pk !== pk || typeof key.sk !== 'string' || !key.sk.startsWith(skPrefix)) throw new InvalidInput('cursor is not valid');
  return { pk: key.pk, sk: key.sk };
}

function toStoredEvent(item: Record<string, unknown>): StoredEvent {
  return {
    id: String(item.id),
    type: item.type as EventType,
    timestamp: String(item.timestamp),
    data: item.data as Record<string, unknown>,
    userId: Number(item.userId),
    ...(typeof item.session === 'string' ? { session: item.session } : {}),
    expiresAt: Number(item.expiresAt),
  };
}
