import { isDeepStrictEqual } from 'node:util';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { dynamoClient } from '../aws-clients.ts';
import { config } from '../config.ts';
import { decodeCursor, encodeCursor, epochSeconds, tableName } from '../db.ts';
import { InvalidInput } from '../errors.ts';
import { keys } from '../keys.ts';
import { eventTypes, type DeliveryAttempt } from './model.ts';

/** The log of delivery attempts, per endpoint, kept as long as events (`EVENT_RETENTION_DAYS`, TTL). */

export const deliveryLogLimits = { min: 1, max: 100 } as const;

/** When an attempt made at `at` leaves the log. */
export function attemptExpiresAt(at: Date): number {
  return epochSeconds(at) + config().EVENT_RETENTION_DAYS * 86_400;
}

export async function recordAttempt(attempt: DeliveryAttempt): Promise<void> {
  await dynamoClient().send(
    new PutCommand({ TableName: tableName(), Item: { ...keys.deliveryAttempt(attempt.webhookId, attempt.attemptId), ...attempt } }),
  );
}

/**
 * A page of an endpoint's attempts, newest first (attempt ids sort by time), and the cursor of the
 * next page (undefined after the last). A cursor is refused unless it is one of this endpoint's log.
 */
export async function listAttempts(
  webhookId: string,
  page: { limit: number; cursor?: string },
  now = new Date(),
): Promise<{ attempts: DeliveryAttempt[]; nextCursor?: string }> {
  if (!Number.isInteger(page.limit) || page.limit < deliveryLogLimits.min || page.limit > deliveryLogLimits.max) {
    throw new InvalidInput(`limit must be an integer from ${deliveryLogLimits.min} to ${deliveryLogLimits.max}`);
  }
  const { Items = [] } = await dynamoClient().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :log',
      ExpressionAttributeValues: { ':log': keys.deliveriesOfWebhook(webhookId).pk },
      ScanIndexForward: false,
      // One more than the page: finding it tells that another page follows.
      Limit: page.limit + 1,
      ExclusiveStartKey: page.cursor === undefined ? undefined : logStart(webhookId, page.cursor),
    }),
  );
  const attempts = Items.map(toAttempt);
  // Past its retention an attempt waits for DynamoDB's TTL; every older one has expired too, so the log ends there.
  const retained = attempts.findIndex((attempt) => attempt.expiresAt <= epochSeconds(now));
  if (retained !== -1) return { attempts: attempts.slice(0, Math.min(retained, page.limit)) };
  if (attempts.length <= page.limit) return { attempts };
  const shown = attempts.slice(0, page.limit);
  return { attempts: shown, nextCursor: encodeCursor({ ...keys.deliveryAttempt(webhookId, shown.at(-1)!.attemptId) }) };
}

const attemptSchema = z.object({
  attemptId: z.string(),
  webhookId: z.string(),
  eventId: z.string(),
  eventType: z.enum(eventTypes),
  attempt: z.number(),
  at: z.string(),
  statusCode: z.number().optional(),
  error: z.string().optional(),
  latencyMs: z.number(),
  responseBody: z.string().optional(),
  outcome: z.enum(['delivered', 'failed']),
  nextAttemptAt: z.string().optional(),
  expiresAt: z.number(),
}) satisfies z.ZodType<DeliveryAttempt>;

/** The stored item as an attempt, its storage keys left out. */
const toAttempt = (item: Record<string, unknown>): DeliveryAttempt => attemptSchema.parse(item);

const cursorSchema = z.object({ pk: z.string(), sk: z.string() });

/** Where a cursor resumes: only a key of this endpoint's own log, never another's. */
function logStart(webhookId: string, cursor: string) {
  const decoded = cursorSchema.safeParse(decodeCursor(cursor));
  if (!decoded.success || !isDeepStrictEqual(decoded.data, keys.deliveryAttempt(webhookId, decoded.data.sk))) {
    throw new InvalidInput('Invalid cursor');
  }
  return decoded.data;
}
