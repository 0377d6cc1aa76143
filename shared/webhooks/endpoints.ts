/**
 * A tenant's webhook endpoints, one item each under the tenant's partition, plus a counter item
 * that the same transactions move: a create passes only while the counter is under the limit, so
 * concurrent creates can never exceed it (they all write the one counter, so each is checked against
 * the others' committed counts; one that collides with another in flight is retried). Every write
 * but the create is conditional on the endpoint existing, so nothing brings back a deleted endpoint.
 */
import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { dynamoClient } from '../aws-clients.ts';
import { isConditionFailure, queryAll, tableName, transactDecided } from '../db.ts';
import { keys } from '../keys.ts';
import { eventTypes, type EndpointSecret, type WebhookEndpoint } from './model.ts';

const storedEndpoint = z.object({
  webhookId: z.string(),
  userId: z.number(),
  url: z.string(),
  events: z.array(z.enum(eventTypes)),
  session: z.string().optional(),
  description: z.string().optional(),
  enabled: z.boolean(),
  disabledReason: z.string().optional(),
  failingSince: z.string().optional(),
  secrets: z.array(z.object({ sealed: z.string(), createdAt: z.string(), expiresAt: z.number().optional() })),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** Concurrent creates and deletes of one tenant meet on its counter; each retries a few times. */
const maxWriteTries = 10;
const busyMessage = 'Too many concurrent changes to your webhooks; try again';

/** Stores a new endpoint unless the tenant already has `limit`; false when it has. */
export async function createWebhook(endpoint: WebhookEndpoint, limit: number): Promise<boolean> {
  return transactDecided(
    new TransactWriteCommand({
      TransactItems: [
        {
          Update: {
            TableName: tableName(),
            Key: keys.webhookCount(endpoint.userId),
            UpdateExpression: 'ADD #count :one',
            ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit',
            ExpressionAttributeNames: { '#count': 'count' },
            ExpressionAttributeValues: { ':one': 1, ':limit': limit },
          },
        },
        { Put: { TableName: tableName(), Item: endpointRecord(endpoint), ConditionExpression: 'attribute_not_exists(pk)' } },
      ],
    }),
    maxWriteTries,
    busyMessage,
  );
}

export async function getWebhook(userId: number, webhookId: string): Promise<WebhookEndpoint | undefined> {
  const { Item } = await dynamoClient().send(
    new GetCommand({ TableName: tableName(), Key: keys.webhook(userId, webhookId), ConsistentRead: true }),
  );
  return Item && storedEndpoint.parse(Item);
}

/** The tenant's endpoints, oldest first (their ids sort by creation time). */
export async function listWebhooks(userId: number): Promise<WebhookEndpoint[]> {
  const { pk, skPrefix } = keys.webhooksOfUser(userId);
  const items = await queryAll({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix },
    ConsistentRead: true,
  });
  return items.map((item) => storedEndpoint.parse(item));
}

type Settable = Pick<WebhookEndpoint, 'url' | 'events' | 'session' | 'description' | 'enabled' | 'disabledReason' | 'updatedAt'>;
type Removable = 'session' | 'description' | 'disabledReason' | 'failingSince';

export interface WebhookChange {
  set: Partial<Settable> & Pick<Settable, 'updatedAt'>;
  remove: readonly Removable[];
}

/**
 * Sets and removes only the named fields, so a concurrent write of others (the delivery code's
 * `failingSince`) stays; undefined when the endpoint is gone.
 */
export async function updateWebhook(userId: number, webhookId: string, change: WebhookChange): Promise<WebhookEndpoint | undefined> {
  const set = Object.entries(change.set).filter(([, value]) => value !== undefined);
  const names = Object.fromEntries([...set.map(([name]) => name), ...change.remove].map((name) => [`#${name}`, name]));
  const values = Object.fromEntries(set.map(([name, value]) => [`:${name}`, value as unknown]));
  const setClause = `SET ${set.map(([name]) => `#${name} = :${name}`).join(', ')}`;
  const removeClause = change.remove.length > 0 ? ` REMOVE ${change.remove.map((name) => `#${name}`).join(', ')}` : '';
  try {
    const { Attributes } = await dynamoClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.webhook(userId, webhookId),
        UpdateExpression: setClause + removeClause,
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ReturnValues: 'ALL_NEW',
      }),
    );
    return storedEndpoint.parse(Attributes);
  } catch (error) {
    if (isConditionFailure(error)) return undefined;
    throw error;
  }
}

/**
 * Replaces the endpoint's secrets, provided its current one is still the one read (`current`):
 * false when it changed since (another rotation) or the endpoint is gone, so the caller reads again.
 */
export async function replaceSecrets(current: WebhookEndpoint, secrets: EndpointSecret[], updatedAt: string): Promise<boolean> {
  const [seen] = current.secrets;
  try {
    await dynamoClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.webhook(current.userId, current.webhookId),
        UpdateExpression: 'SET #secrets = :secrets, updatedAt = :updatedAt',
        ConditionExpression: seen
          ? 'attribute_exists(pk) AND #secrets[0].sealed = :seen'
          : 'attribute_exists(pk) AND size(#secrets) = :none',
        ExpressionAttributeNames: { '#secrets': 'secrets' },
        ExpressionAttributeValues: { ':secrets': secrets, ':updatedAt': updatedAt, ...(seen ? { ':seen': seen.sealed } : { ':none': 0 }) },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** Deletes the endpoint and counts it out, together; false when it did not exist. */
export async function deleteWebhook(userId: number, webhookId: string): Promise<boolean> {
  return transactDecided(
    new TransactWriteCommand({
      TransactItems: [
        { Delete: { TableName: tableName(), Key: keys.webhook(userId, webhookId), ConditionExpression: 'attribute_exists(pk)' } },
        {
          Update: {
            TableName: tableName(),
            Key: keys.webhookCount(userId),
            UpdateExpression: 'ADD #count :minusOne',
            ExpressionAttributeNames: { '#count': 'count' },
            ExpressionAttributeValues: { ':minusOne': -1 },
          },
        },
      ],
    }),
    maxWriteTries,
    busyMessage,
  );
}

function endpointRecord(endpoint: WebhookEndpoint) {
  return { ...keys.webhook(endpoint.userId, endpoint.webhookId), type: 'webhook', ...endpoint };
}
