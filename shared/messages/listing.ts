import { isDeepStrictEqual } from 'node:util';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { dynamoClient } from '../aws-clients.ts';
import { decodeCursor, encodeCursor, epochSeconds, tableName } from '../db.ts';
import { InvalidInput } from '../errors.ts';
import { indexNames, keys } from '../keys.ts';
import type { SentMessage, StoredMessage } from './message.ts';
import { toMessage } from './message-items.ts';

/**
 * Queries one page of a listing may take. A filter by direction skips items after DynamoDB has
 * read them, so a long run of the other direction would otherwise be read in full for one page.
 */
const maxListingQueries = 20;

/** A session's most recent messages sent through the API, newest first. */
export async function recentMessages(sessionId: string, limit: number): Promise<SentMessage[]> {
  const { messages } = await listMessages(sessionId, { direction: 'sent', limit });
  return messages.filter((message) => message.origin === 'api');
}

export type Direction = 'in' | 'out' | 'all';
/** What a listing holds: a direction, or only the messages sent through the API. */
type Listed = Direction | 'sent';

/**
 * A page of a session's messages of `direction`, newest first, and the cursor of the next page
 * (undefined after the last). A cursor is refused unless it is one of this session's listing.
 * The page is short before the end only when `maxListingQueries` found too few of the direction.
 */
export async function listMessages(
  sessionId: string,
  page: { direction: Listed; limit: number; cursor?: string },
): Promise<{ messages: StoredMessage[]; nextCursor?: string }> {
  const found: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined = page.cursor === undefined ? undefined : listingStart(sessionId, page.cursor);
  for (let queries = 0; queries < maxListingQueries; queries++) {
    const { Items = [], LastEvaluatedKey } = await dynamoClient().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: indexNames.gsi1,
        KeyConditionExpression: 'gsi1pk = :session',
        ...listingFilter(page.direction, { ':session': keys.messagesOfSession(sessionId).gsi1pk }),
        ScanIndexForward: false,
        // One more than the page: finding it tells that another page follows.
        Limit: page.limit + 1,
        ExclusiveStartKey: start,
      }),
    );
    found.push(...Items);
    if (found.length > page.limit) {
      const messages = found.slice(0, page.limit).map(toMessage);
      return { messages, nextCursor: encodeCursor(listingKey(sessionId, messages.at(-1)!.messageId)) };
    }
    if (!LastEvaluatedKey) return { messages: found.map(toMessage) };
    start = LastEvaluatedKey;
  }
  return { messages: found.map(toMessage), nextCursor: encodeCursor(start) };
}

/**
 * Received messages past their retention are left out (DynamoDB's TTL deletes them some time
 * later). Items stored before messages had a direction and an origin were sent through the API.
 */
function listingFilter(
  listed: Listed,
  values: Record<string, unknown>,
): { FilterExpression: string; ExpressionAttributeNames: Record<string, string>; ExpressionAttributeValues: Record<string, unknown> } {
  if (listed === 'sent') {
    return {
      FilterExpression: 'attribute_not_exists(#origin) OR #origin = :api',
      ExpressionAttributeNames: { '#origin': 'origin' },
      ExpressionAttributeValues: { ...values, ':api': 'api' },
    };
  }
  const retained = 'attribute_not_exists(#expiresAt) OR #expiresAt > :now';
  const direction = { all: undefined, out: 'attribute_not_exists(#direction) OR #direction = :direction', in: '#direction = :direction' }[
    listed
  ];
  return {
    FilterExpression: direction ? `(${direction}) AND (${retained})` : retained,
    ExpressionAttributeNames: { '#expiresAt': 'expiresAt', ...(direction ? { '#direction': 'direction' } : {}) },
    ExpressionAttributeValues: { ...values, ':now': epochSeconds(new Date()), ...(direction ? { ':direction': listed } : {}) },
  };
}

const listingKey = (sessionId: string, messageId: string) => ({
  ...keys.message(messageId),
  ...keys.messagesOfSession(sessionId, messageId),
});

const cursorSchema = z.object({ pk: z.string(), sk: z.string(), gsi1pk: z.string(), gsi1sk: z.string() });

/** Where a cursor resumes: only a key of this session's own listing, never another's. */
function listingStart(sessionId: string, cursor: string) {
  const decoded = cursorSchema.safeParse(decodeCursor(cursor));
  if (!decoded.success || !isDeepStrictEqual(decoded.data, listingKey(sessionId, decoded.data.gsi1sk))) {
    throw new InvalidInput('Invalid cursor');
  }
  return decoded.data;
}
