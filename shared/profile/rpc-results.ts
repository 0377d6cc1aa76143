import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { dynamoClient } from '../aws-clients.ts';
import { tableName } from '../db.ts';
import { keys } from '../keys.ts';
import { pollUntil } from '../poll.ts';

/** Answers to live-socket requests expire after this; nobody waits longer than API Gateway's 29 s. */
const resultLifetimeSeconds = 600;

export type RpcOutcome<T> = { ok: true; value: T } | { ok: false; error: string };

/** The connector's answer to request `requestId`. */
export async function writeRpcResult<T>(requestId: string, outcome: RpcOutcome<T>): Promise<void> {
  await dynamoClient().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...keys.rpcResult(requestId), outcome, expiresAt: Math.floor(Date.now() / 1000) + resultLifetimeSeconds },
    }),
  );
}

/** Polls for the answer to `requestId`, its value read by `valueSchema`; undefined when none came within `timeoutMs`. */
export async function waitForRpcResult<T>(
  requestId: string,
  timeoutMs: number,
  valueSchema: z.ZodType<T>,
): Promise<RpcOutcome<T> | undefined> {
  const read = async () =>
    (await dynamoClient().send(new GetCommand({ TableName: tableName(), Key: keys.rpcResult(requestId), ConsistentRead: true }))).Item;
  const { value } = await pollUntil(read, (item) => item !== undefined, { timeoutMs, intervalMs: 150 });
  return value && toOutcome(value, valueSchema);
}

/** The stored item as the connector's answer, without its storage keys. */
function toOutcome<T>(item: Record<string, unknown>, valueSchema: z.ZodType<T>): RpcOutcome<T> {
  return z
    .discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), value: valueSchema }),
      z.object({ ok: z.literal(false), error: z.string() }),
    ])
    .parse(item.outcome);
}
