/**
 * The shape of every AWS resource the service uses, in one place: the CDK app and the local stack
 * both build the table, queues and bucket from these definitions.
 */

export const table = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Generic secondary indexes: what each holds is decided by the key builders, not here. */
  indexes: [
    { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  ],
  /** Epoch seconds; DynamoDB deletes expired items (rate windows, RPC results, login attempts). */
  ttlAttribute: 'expiresAt',
} as const;

export type QueueKind = 'send' | 'control';

/** FIFO queue names of one shard; each queue has its own FIFO dead-letter queue. */
export function queueName(prefix: string, kind: QueueKind, shard: number): string {
  return `${prefix}-${kind}-${shard}.fifo`;
}

export function deadLetterQueueName(prefix: string, kind: QueueKind, shard: number): string {
  return `${prefix}-${kind}-${shard}-dlq.fifo`;
}

export const queueKinds: readonly QueueKind[] = ['send', 'control'];

export const queueSettings = {
  /** Long enough for a paced send (media fetch + upload) before the message becomes visible again. */
  visibilityTimeoutSeconds: { send: 120, control: 60 },
  /** Deliveries before a message is moved to the dead-letter queue. */
  maxReceiveCount: 5,
  retentionDays: 4,
  deadLetterRetentionDays: 14,
} as const;
