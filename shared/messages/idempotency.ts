import { DeleteCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '../aws-clients.ts';
import { isConditionFailure, tableName } from '../db.ts';
import { keys } from '../keys.ts';

export interface IdempotencyClaim {
  userId: number;
  key: string;
  requestHash: string;
  /** Epoch seconds: the claim holds the key until then. */
  expiresAt: number;
}

/** What a claimed Idempotency-Key answers: the message it made and the request that made it. */
export interface ClaimedKey {
  messageId: string;
  requestHash: string;
}

/** The transaction item that claims the key for `messageId`, unless an unexpired claim holds it. */
export function claimPut(claim: IdempotencyClaim, messageId: string, nowMs: number) {
  return {
    Put: {
      TableName: tableName(),
      Item: { ...keys.idempotencyKey(claim.userId, claim.key), messageId, requestHash: claim.requestHash, expiresAt: claim.expiresAt },
      // An expired claim stays until DynamoDB's TTL sweep, days later; it no longer holds the key.
      ConditionExpression: 'attribute_not_exists(pk) OR expiresAt <= :now',
      ExpressionAttributeValues: { ':now': Math.floor(nowMs / 1000) },
    },
  };
}

/** The unexpired claim on a key, if any. */
export async function getIdempotencyClaim(userId: number, key: string): Promise<ClaimedKey | undefined> {
  const { Item } = await dynamoClient().send(
    new GetCommand({ TableName: tableName(), Key: keys.idempotencyKey(userId, key), ConsistentRead: true }),
  );
  return Item && Number(Item.expiresAt) > Date.now() / 1000
    ? { messageId: String(Item.messageId), requestHash: String(Item.requestHash) }
    : undefined;
}

/** Frees an Idempotency-Key whose message was never queued, so that a retry with it is a new send. */
export async function releaseIdempotencyClaim(userId: number, key: string, messageId: string): Promise<void> {
  await dynamoClient()
    .send(
      new DeleteCommand({
        TableName: tableName(),
        Key: keys.idempotencyKey(userId, key),
        ConditionExpression: 'messageId = :id',
        ExpressionAttributeValues: { ':id': messageId },
      }),
    )
    .catch((error: unknown) => {
      if (!isConditionFailure(error)) throw error;
    });
}
