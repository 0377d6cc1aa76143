import { Duration } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { webhookDeadLetterQueueName, webhookQueueName, webhookQueueSettings } from '../../shared/resources.ts';

export interface WebhookQueuesProps {
  /** `QUEUE_NAME_PREFIX`: the code derives the delivery queue's URL from it. */
  readonly prefix: string;
}

/**
 * The webhook delivery queue, standard (a slow endpoint must not hold back another's deliveries),
 * with its dead-letter queue; names and settings from `shared/resources.ts`. A failed delivery is
 * kept on the queue, hidden until its next attempt, hence the long retention. SQS-managed
 * encryption and TLS only, as the shard queues.
 */
export class WebhookQueues extends Construct {
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: WebhookQueuesProps) {
    super(scope, id);
    const common = { encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true } as const;
    this.deadLetterQueue = new Queue(this, 'DeadLetters', {
      ...common,
      queueName: webhookDeadLetterQueueName(props.prefix),
      retentionPeriod: Duration.days(webhookQueueSettings.deadLetterRetentionDays),
    });
    this.queue = new Queue(this, 'Deliveries', {
      ...common,
      queueName: webhookQueueName(props.prefix),
      visibilityTimeout: Duration.seconds(webhookQueueSettings.visibilityTimeoutSeconds),
      retentionPeriod: Duration.days(webhookQueueSettings.retentionDays),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: webhookQueueSettings.maxReceiveCount },
    });
  }
}
