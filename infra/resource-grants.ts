import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import type { IGrantable } from 'aws-cdk-lib/aws-iam';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { ResourceAccess } from '../shared/resources.ts';
import type { AuthStateBucket } from './constructs/auth-state-bucket.ts';
import type { MediaBucket } from './constructs/media-bucket.ts';
import type { ShardQueues } from './constructs/shard-queues.ts';
import type { WebhookQueues } from './constructs/webhook-queues.ts';

export interface ServiceResources {
  readonly table: Table;
  readonly secret: ISecret;
  readonly queues: ShardQueues;
  readonly authState: AuthStateBucket;
  readonly media: MediaBucket;
  readonly webhookQueues: WebhookQueues;
}

/** Grants exactly the access a handler declares (`ResourceAccess` in `shared/resources.ts`), KMS included. */
export function grantAccess(grantee: IGrantable, access: readonly ResourceAccess[], resources: ServiceResources): void {
  for (const entry of new Set(access)) {
    switch (entry) {
      case 'table:read':
        resources.table.grantReadData(grantee);
        break;
      case 'table:readWrite':
        resources.table.grantReadWriteData(grantee);
        break;
      case 'secrets:read':
        resources.secret.grantRead(grantee);
        break;
      case 'controlQueues:send':
        for (const queue of resources.queues.ofKind('control')) queue.grantSendMessages(grantee);
        break;
      case 'sendQueues:send':
        for (const queue of resources.queues.ofKind('send')) queue.grantSendMessages(grantee);
        break;
      case 'sendDeadLetters:consume':
        for (const { kind, deadLetterQueue } of resources.queues.all) if (kind === 'send') deadLetterQueue.grantConsumeMessages(grantee);
        break;
      case 'authState:delete':
        resources.authState.grantSessionsDelete(grantee);
        break;
      case 'media:read':
        resources.media.grantRead(grantee);
        break;
      case 'media:delete':
        resources.media.grantDelete(grantee);
        break;
      case 'uploads:write':
        resources.media.grantUploadsWrite(grantee);
        break;
      case 'uploads:read':
        resources.media.grantUploadsRead(grantee);
        break;
      case 'webhookDeliveries:send':
        resources.webhookQueues.queue.grantSendMessages(grantee);
        break;
      case 'health:probe':
        resources.table.grant(grantee, 'dynamodb:GetItem');
        // `grant` adds no KMS permission, and reading the customer-managed-key table needs one.
        resources.table.encryptionKey?.grantDecrypt(grantee);
        resources.queues.ofKind('send')[0]?.grant(grantee, 'sqs:GetQueueAttributes');
        resources.authState.grantHead(grantee);
        break;
      default:
        entry satisfies never;
    }
  }
}
