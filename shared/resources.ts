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
 * - `uploads:write`: PutObject under `uploads/` in the media bucket (storing base64 media, and
 *   signing presigned POSTs: S3 checks the signer's PutObject when the form is posted);
 * - `uploads:read`: GetObject under `uploads/` (HeadObject: whether an upload's bytes arrived);
 * - `webhookDeliveries:send`: SendMessage on the webhook delivery queue;
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
  | 'uploads:write'
  | 'uploads:read'
  | 'webhookDeliveries:send'
  | 'health:probe';

/**
 * The webhook delivery queue (standard, not FIFO: deliveries to one endpoint must never wait behind
 * another's) and its dead-letter queue. A failed delivery stays on the queue, made invisible until
 * its next retry (ChangeMessageVisibility), so the queue keeps a message for the whole retry period.
 */
export function webhookQueueName(prefix: string): string {
  return `${prefix}-webhook-deliveries`;
}

export function webhookDeadLetterQueueName(prefix: string): string {
  return `${prefix}-webhook-deliveries-dlq`;
}

export const webhookQueueSettings = {
  /** Past one delivery's timeout, for a batch of deliveries made in parallel. */
  visibilityTimeoutSeconds: 60,
  /** Above the attempts of the longest retry schedule: only a delivery that keeps crashing lands in the DLQ. */
  maxReceiveCount: 100,
  /** SQS's longest: a delivery retried for days is still on the queue. */
  retentionDays: 14,
  deadLetterRetentionDays: 14,
  batchSize: 10,
} as const;

/** The item types whose changes become events: the stream filter (CDK) and the local stream reader use it. */
export const eventSourceSortKeys = ['MESSAGE', 'SESSION'] as const;

/** Where the connector keeps each session's WhatsApp auth state in the bucket (`sessions/<id>/…`). */
export const authStatePrefix = 'sessions/';

/** Where inbound messages' media lives in the media bucket (`media/<session id>/<message id>`). */
export const mediaPrefix = 'media/';

/**
 * Where media uploaded through the API waits to be sent (`uploads/<user id>/<media id>`), apart
 * from `media/` (messages' own copies): a lifecycle rule expires it after a day.
 */
export const uploadsPrefix = 'uploads/';
