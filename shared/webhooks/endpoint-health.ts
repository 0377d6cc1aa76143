import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '../aws-clients.ts';
import { isConditionFailure, tableName } from '../db.ts';
import { keys } from '../keys.ts';

/**
 * What deliveries learn about an endpoint, written on its item: when its current run of failures
 * began, and its disabling. Every write is conditional on the endpoint still existing, so a
 * delivery finishing after a DELETE never brings back a fragment of it.
 */

type EndpointRef = { userId: number; webhookId: string };

/**
 * Records a failed delivery: `failingSince` becomes `at` unless a run of failures had already begun.
 * Answers the run's start (concurrent failures keep the earliest), or undefined if the endpoint is gone.
 */
export async function markFailing(endpoint: EndpointRef, at: Date): Promise<string | undefined> {
  try {
    const { Attributes } = await dynamoClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.webhook(endpoint.userId, endpoint.webhookId),
        UpdateExpression: 'SET failingSince = if_not_exists(failingSince, :at)',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':at': at.toISOString() },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return typeof Attributes?.failingSince === 'string' ? Attributes.failingSince : undefined;
  } catch (error) {
    if (isConditionFailure(error)) return undefined;
    throw error;
  }
}

/** Ends a run of failures: any 2xx does. */
export async function markHealthy(endpoint: EndpointRef): Promise<void> {
  await conditionally(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.webhook(endpoint.userId, endpoint.webhookId),
      UpdateExpression: 'REMOVE failingSince',
      ConditionExpression: 'attribute_exists(failingSince)',
    }),
  );
}

/**
 * Disables an endpoint that is still enabled, with the reason its owner will read. One its owner
 * disabled meanwhile keeps the owner's reason. The run of failures stays recorded until a 2xx.
 */
export async function disableEndpoint(endpoint: EndpointRef, reason: string, at: Date): Promise<void> {
  await conditionally(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.webhook(endpoint.userId, endpoint.webhookId),
      UpdateExpression: 'SET enabled = :false, disabledReason = :reason, updatedAt = :at',
      ConditionExpression: 'attribute_exists(pk) AND enabled = :true',
      ExpressionAttributeValues: { ':false': false, ':true': true, ':reason': reason, ':at': at.toISOString() },
    }),
  );
}

/** A write whose condition failing means there is nothing to do (the endpoint is gone, or already so). */
async function conditionally(update: UpdateCommand): Promise<void> {
  try {
    await dynamoClient().send(update);
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
}
