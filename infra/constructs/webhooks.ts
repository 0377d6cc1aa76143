import { Duration, Validations } from 'aws-cdk-lib';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq, SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { Config } from '../../shared/config.ts';
import { eventSourceSortKeys, webhookQueueSettings } from '../../shared/resources.ts';
import { defaultSetting } from '../../shared/routes/responses.ts';
import { grantAccess, type ServiceResources } from '../resource-grants.ts';
import { ServiceFunction } from './service-function.ts';

export interface WebhooksProps {
  /** The service's settings (`shared/config.ts` names), as every Lambda gets them. */
  readonly environment: Readonly<Record<string, string>>;
  /** The table (with its stream) and the delivery queue among them. */
  readonly resources: ServiceResources;
  /** Most delivery Lambdas running at once. */
  readonly deliveryConcurrency: number;
}

/** The settings the webhook Lambdas read, given explicitly so the console shows what is in effect. */
const webhookSettingNames = [
  'WEBHOOK_RETRY_SCHEDULE_SECONDS',
  'WEBHOOK_DISABLE_AFTER_SECONDS',
  'WEBHOOK_TIMEOUT_MS',
  'WEBHOOK_SECRET_OVERLAP_SECONDS',
  'WEBHOOK_ALLOW_PRIVATE_URLS',
  'EVENT_RETENTION_DAYS',
] as const satisfies ReadonlyArray<keyof Config>;

/** The webhook settings at their `shared/config.ts` defaults, as environment strings. */
export function webhookEnvironment(): Record<string, string> {
  return Object.fromEntries(
    webhookSettingNames.map((name) => {
      const value = defaultSetting(name);
      return [name, Array.isArray(value) ? value.join(',') : String(value)];
    }),
  );
}

/**
 * Time past the receiver's answer timeout for the rest of a delivery: DNS and connecting, logging
 * the attempt, postponing a retry. A batch's deliveries run in parallel, so a batch takes about as
 * long as its slowest one.
 */
const deliveryOverheadSeconds = 20;

/**
 * The webhook pipeline. `produce-events` reads the table's stream (only the item types that make
 * events), stores the events and queues a delivery per subscribed endpoint; `deliver` POSTs them.
 * Neither runs in a VPC, as no Lambda of the service does: `deliver` reaches customers' endpoints
 * on the internet, behind the SSRF guard of `shared/`.
 */
export class Webhooks extends Construct {
  readonly produceEvents: ServiceFunction;
  readonly deliver: ServiceFunction;
  /** Where the stream mapping reports a batch of records it gave up on (their shard and sequence numbers). */
  readonly streamFailures: Queue;
  /** Both Lambdas by handler module, for the grouped Lambda alarms and graphs. */
  readonly functions: ReadonlyMap<string, ServiceFunction>;

  constructor(scope: Construct, id: string, props: WebhooksProps) {
    super(scope, id);
    const environment = { ...props.environment, ...webhookEnvironment() };
    const { table, webhookQueues } = props.resources;

    this.streamFailures = new Queue(this, 'StreamFailures', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.streamFailures).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        "This queue is itself a dead-letter destination: the stream mapping's on-failure queue, read by operators; nothing consumes it automatically.",
    });

    this.produceEvents = new ServiceFunction(this, 'produce-events', {
      handler: 'webhooks/produce-events',
      environment,
      // A batch of 100 records is a few hundred DynamoDB and SQS calls; room for the SDK's retries when throttled.
      timeout: Duration.seconds(60),
    });
    grantAccess(this.produceEvents, ['table:readWrite', 'webhookDeliveries:send'], props.resources);
    this.produceEvents.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: StartingPosition.LATEST,
        batchSize: 100,
        // No batching window: Lambda reads each shard about four times a second and invokes at once, so an
        // event waits well under a second; under load batches fill on their own while the previous one runs.
        filters: [FilterCriteria.filter({ dynamodb: { Keys: { sk: { S: FilterRule.or(...eventSourceSortKeys) } } } })],
        reportBatchItemFailures: true,
        bisectBatchOnError: true,
        retryAttempts: 10,
        // The stream keeps records for 24 hours anyway.
        maxRecordAge: Duration.days(1),
        onFailure: new SqsDlq(this.streamFailures),
      }),
    );
    Validations.of(this.produceEvents.role ?? this.produceEvents).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'dynamodb:ListStreams has no resource-level permissions; the stream mapping needs it. Reading records is granted on this stream only.',
    });

    const deliveryTimeout = Duration.seconds(Math.ceil(defaultSetting('WEBHOOK_TIMEOUT_MS') / 1000) + deliveryOverheadSeconds);
    if (deliveryTimeout.toSeconds() > webhookQueueSettings.visibilityTimeoutSeconds) {
      // Lambda refuses an SQS mapping whose function may outlive the messages' visibility timeout.
      throw new Error(`The delivery Lambda's timeout (${deliveryTimeout.toSeconds()} s) exceeds the delivery queue's visibility timeout`);
    }
    this.deliver = new ServiceFunction(this, 'deliver', {
      handler: 'webhooks/deliver',
      environment,
      timeout: deliveryTimeout,
      // It mostly waits on receivers (up to WEBHOOK_TIMEOUT_MS each), and Lambda bills the wait by memory size.
      memorySize: 512,
    });
    grantAccess(this.deliver, ['table:readWrite', 'secrets:read'], props.resources);
    // The event source's consume grant includes ChangeMessageVisibility, which postpones a failed delivery.
    this.deliver.addEventSource(
      new SqsEventSource(webhookQueues.queue, {
        batchSize: webhookQueueSettings.batchSize,
        reportBatchItemFailures: true,
        maxConcurrency: props.deliveryConcurrency,
      }),
    );

    this.functions = new Map([
      ['webhooks/produce-events', this.produceEvents],
      ['webhooks/deliver', this.deliver],
    ]);
  }
}
