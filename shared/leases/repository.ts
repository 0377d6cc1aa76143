import { DeleteCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '../aws-clients.ts';
import { epochSeconds, isConditionFailure, tableName } from '../db.ts';
import { keys } from '../keys.ts';

/** A connector task's hold on one shard; `fence` grows with every change of holder. */
export interface ShardLease {
  shard: number;
  owner: string;
  fence: number;
  /** Epoch milliseconds after which the lease is free. */
  leaseExpiresAtMs: number;
}

/** Takes the shard if it is free or lapsed; the new holder gets a higher fence. */
export async function acquireLease(shard: number, owner: string, ttlMs: number, now = Date.now()): Promise<ShardLease | undefined> {
  try {
    const { Attributes } = await dynamoClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.shardLease(shard),
        UpdateExpression: 'SET #owner = :owner, leaseExpiresAtMs = :expires, #shard = :shard, fence = if_not_exists(fence, :zero) + :one',
        ConditionExpression: 'attribute_not_exists(pk) OR leaseExpiresAtMs < :now',
        ExpressionAttributeNames: { '#owner': 'owner', '#shard': 'shard' },
        ExpressionAttributeValues: { ':owner': owner, ':expires': now + ttlMs, ':shard': shard, ':zero': 0, ':one': 1, ':now': now },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return Attributes && toLease(Attributes);
  } catch (error) {
    if (isConditionFailure(error)) return undefined;
    throw error;
  }
}

/** Extends our lease; false when it is no longer ours at this fence. */
export function renewLease(lease: ShardLease, ttlMs: number, now = Date.now()): Promise<boolean> {
  return setLeaseExpiry(lease, now + ttlMs);
}

/** Frees our lease at once, so a peer can take it on its next round. */
export async function releaseLease(lease: ShardLease): Promise<void> {
  await setLeaseExpiry(lease, 0);
}

/** Moves our lease's expiry; false when it is no longer ours at this fence. */
async function setLeaseExpiry(lease: ShardLease, expiresAtMs: number): Promise<boolean> {
  try {
    await dynamoClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.shardLease(lease.shard),
        UpdateExpression: 'SET leaseExpiresAtMs = :expires',
        ConditionExpression: '#owner = :owner AND fence = :fence',
        ExpressionAttributeNames: { '#owner': 'owner' },
        ExpressionAttributeValues: { ':expires': expiresAtMs, ':owner': lease.owner, ':fence': lease.fence },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

export async function listLeases(): Promise<ShardLease[]> {
  const { Items = [] } = await dynamoClient().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.shardLeases().pk },
      ConsistentRead: true,
    }),
  );
  return Items.map(toLease);
}

/** Announces a live connector task until `aliveUntilMs`; peers divide the shards among live tasks. */
export async function heartbeat(taskId: string, aliveUntilMs: number): Promise<void> {
  await dynamoClient().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...keys.connectorMember(taskId), taskId, aliveUntilMs, expiresAt: epochSeconds(new Date(aliveUntilMs)) + 3_600 },
    }),
  );
}

export async function leaveMembership(taskId: string): Promise<void> {
  await dynamoClient().send(new DeleteCommand({ TableName: tableName(), Key: keys.connectorMember(taskId) }));
}

/** Ids of tasks whose heartbeat has not lapsed. */
export async function liveMembers(now = Date.now()): Promise<string[]> {
  const { Items = [] } = await dynamoClient().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk',
      FilterExpression: 'aliveUntilMs > :now',
      ExpressionAttributeValues: { ':pk': keys.connectorMembers().pk, ':now': now },
      ConsistentRead: true,
    }),
  );
  return Items.map((item) => String(item.taskId));
}

/** The stored item as a lease, without its storage keys. */
function toLease(item: Record<string, unknown>): ShardLease {
  return {
    shard: Number(item.shard),
    owner: String(item.owner),
    fence: Number(item.fence),
    leaseExpiresAtMs: Number(item.leaseExpiresAtMs),
  };
}
