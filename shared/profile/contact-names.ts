import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '../aws-clients.ts';
import { epochSeconds, isConditionFailure, tableName } from '../db.ts';
import { keys } from '../keys.ts';
import { retainedUntil } from '../messages/received.ts';

/** A stored name is written again when its expiry is nearer than this: a contact still writing keeps it. */
const refreshSeconds = 86_400;

/**
 * Stores the push name a session saw for a contact (its digits, or its LID while the number is
 * unknown), kept like the messages it came with. A name already stored, and not about to expire,
 * is not written again. Answers whether it was written.
 */
export async function storeContactName(sessionId: string, contact: string, name: string, at: Date): Promise<boolean> {
  try {
    await dynamoClient().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...keys.contactName(sessionId, contact), name, updatedAt: at.toISOString(), expiresAt: retainedUntil(at) },
        ConditionExpression: 'attribute_not_exists(#name) OR #name <> :name OR expiresAt < :stale',
        ExpressionAttributeNames: { '#name': 'name' },
        ExpressionAttributeValues: { ':name': name, ':stale': retainedUntil(at) - refreshSeconds },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** The push name the session learned for a contact (by digits), while it is kept. */
export async function contactName(sessionId: string, contact: string): Promise<string | undefined> {
  const { Item } = await dynamoClient().send(new GetCommand({ TableName: tableName(), Key: keys.contactName(sessionId, contact) }));
  return typeof Item?.name === 'string' && Number(Item.expiresAt) > epochSeconds(new Date()) ? Item.name : undefined;
}
