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
  /**
   * Deliveries before a message is moved to the dead-letter queue. A send waiting for its session
   * to reconnect is received again every minute or so, hence the higher count for sends.
   */
  maxReceiveCount: { send: 50, control: 5 },
  retentionDays: 4,
  deadLetterRetentionDays: 14,
} as const;

/**
 * The AWS access a handler needs (a route's, an authorizer's or a job's). The CDK app grants each
 * function exactly the union of its entries and nothing else:
 * - `table:read`: GetItem, Query and Scan on the table and its indexes;
 * - `table:readWrite`: `table:read` plus Put, Update, Delete and transactions;
 * - `secrets:read`: the secrets document (JWT signing key, API-key pepper and encryption key);
 * - `controlQueues:send` / `sendQueues:send`: SendMessage on every shard's control / send queue;
 * - `sendDeadLetters:consume`: receive and delete on every shard's send dead-letter queue;
 * - `authState:delete`: list and delete the objects under `sessions/` in the auth-state bucket;
 * - `media:read`: GetObject under `media/` in the media bucket (to sign its download URLs);
 * - `media:delete`: list and delete the objects under `media/` in the media bucket;
 * - `health:probe`: what `/health` checks: GetItem of the probe key, the first send queue's attributes, HeadBucket.
 */
export type ResourceAccess =
  | 'table:read'
  | 'table:readWrite'
  | 'secrets:read'
  | 'controlQueues:send'
  | 'sendQueues:send'
  | 'sendDeadLetters:consume'
  | 'authState:delete'
  | 'media:read'
  | 'media:delete'
  | 'health:probe';

/** Where the connector keeps each session's WhatsApp auth state in the bucket (`sessions/<id>/…`). */
export const authStatePrefix = 'sessions/';

/** Where inbound messages' media lives in the media bucket (`media/<session id>/<message id>`). */
export const mediaPrefix = 'media/';
