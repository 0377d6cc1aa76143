import { Duration } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { deadLetterQueueName, queueKinds, queueName, queueSettings, type QueueKind } from '../../shared/resources.ts';

export interface ShardQueuesProps {
  /** `QUEUE_NAME_PREFIX`: the code derives every queue's URL from it. */
  readonly prefix: string;
  readonly shardCount: number;
}

export interface ShardQueue {
  readonly kind: QueueKind;
  readonly shard: number;
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;
}

/**
 * Per shard a send and a control FIFO queue, each with its FIFO dead-letter queue; names and
 * settings from `shared/resources.ts`. SQS-managed encryption: no KMS calls or key grants for
 * every producer and consumer, and no per-request KMS cost.
 */
export class ShardQueues extends Construct {
  readonly all: readonly ShardQueue[];

  constructor(scope: Construct, id: string, props: ShardQueuesProps) {
    super(scope, id);
    const fifo = { fifo: true, encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true } as const;
    const all: ShardQueue[] = [];
    for (let shard = 0; shard < props.shardCount; shard++) {
      for (const kind of queueKinds) {
        const deadLetterQueue = new Queue(this, `${kind}-${shard}-dlq`, {
          ...fifo,
          queueName: deadLetterQueueName(props.prefix, kind, shard),
          retentionPeriod: Duration.days(queueSettings.deadLetterRetentionDays),
        });
        const queue = new Queue(this, `${kind}-${shard}`, {
          ...fifo,
          queueName: queueName(props.prefix, kind, shard),
          visibilityTimeout: Duration.seconds(queueSettings.visibilityTimeoutSeconds[kind]),
          retentionPeriod: Duration.days(queueSettings.retentionDays),
          deadLetterQueue: { queue: deadLetterQueue, maxReceiveCount: queueSettings.maxReceiveCount[kind] },
        });
        all.push({ kind, shard, queue, deadLetterQueue });
      }
    }
    this.all = all;
  }

  /** Every shard's queue of one kind. */
  ofKind(kind: QueueKind): Queue[] {
    return this.all.filter((entry) => entry.kind === kind).map((entry) => entry.queue);
  }
}
