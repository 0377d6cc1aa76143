import { Duration } from 'aws-cdk-lib';
import { GraphWidget, MathExpression, type Alarm, type IMetric, type IWidget } from 'aws-cdk-lib/aws-cloudwatch';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { metricNames } from '../../shared/metrics.ts';
import { defaultSetting } from '../../shared/routes/responses.ts';
import { serviceMetric } from '../service-metrics.ts';
import type { AlarmOptions } from './monitoring.ts';

/** What the webhook pipeline's alarms and graphs watch. */
export interface WebhookPipeline {
  readonly deliveryQueue: IQueue;
  readonly deliveryDeadLetterQueue: IQueue;
  /** The stream mapping's on-failure queue. */
  readonly streamFailures: IQueue;
  /** The stream-consuming Lambda. */
  readonly produceEvents: IFunction;
}

export interface WebhookAlarmThresholds {
  /**
   * Share of delivery attempts that fail over 15 minutes before the alarm.
   * @default 0.25
   */
  readonly deliveryFailureRate?: number;
  /**
   * Fewest attempts in those 15 minutes for the rate to count: a handful of attempts to one dead endpoint is no incident.
   * @default 20
   */
  readonly minimumDeliveryAttempts?: number;
  /**
   * Age of the oldest record the stream mapping has not yet processed.
   * @default 60 seconds
   */
  readonly streamIteratorAge?: Duration;
}

export type AddAlarm = (id: string, metric: IMetric, options: AlarmOptions) => Alarm;

/**
 * SQS leaves a message out of `ApproximateAgeOfOldestMessage` once it has been received three
 * times. A failed delivery stays on the queue, hidden until its next attempt: it is counted during
 * its first two retry delays only (about 5 s and 5 min by default), not for the days it may be retried.
 * Past those two delays plus a margin, an old message means deliveries are not being picked up.
 */
export function oldestDeliveryAgeThreshold(): Duration {
  const [first = 0, second = first] = defaultSetting('WEBHOOK_RETRY_SCHEDULE_SECONDS');
  // Delays are jittered by up to 20 % (`shared/webhooks/retry-schedule.ts`); the margin covers two deliveries' run time and the polling.
  return Duration.seconds(Math.max(15 * 60, Math.ceil((first + second) * 1.2) + 5 * 60));
}

/** The webhook pipeline's alarms (through `addAlarm`, which notifies the operators' topic) and its dashboard graphs. */
export function monitorWebhooks(
  addAlarm: AddAlarm,
  stage: string,
  pipeline: WebhookPipeline,
  thresholds: WebhookAlarmThresholds = {},
): IWidget[] {
  const minimumAttempts = thresholds.minimumDeliveryAttempts ?? 20;
  const quarterHour = Duration.minutes(15);
  const failureRate = new MathExpression({
    // No failures means no `failed` data point: FILL makes it 0 rather than leaving the rate missing.
    expression: `IF(attempts >= ${minimumAttempts}, FILL(failed, 0) / attempts, 0)`,
    usingMetrics: {
      attempts: serviceMetric(stage, metricNames.webhookDeliveries).with({ period: quarterHour }),
      failed: serviceMetric(stage, metricNames.webhookDeliveriesFailed).with({ period: quarterHour }),
    },
    label: 'Failed share of delivery attempts',
    period: quarterHour,
  });
  addAlarm('WebhookDeliveryFailureRate', failureRate, {
    threshold: thresholds.deliveryFailureRate ?? 0.25,
    description: `Webhook deliveries are failing: a high share of attempts over 15 minutes (at least ${minimumAttempts} attempts) got no 2xx answer`,
  });

  const minute = { statistic: 'Maximum', period: Duration.minutes(1) };
  addAlarm('WebhookOldestDelivery', pipeline.deliveryQueue.metricApproximateAgeOfOldestMessage(minute), {
    threshold: oldestDeliveryAgeThreshold().toSeconds(),
    evaluationPeriods: 3,
    description:
      'Webhook deliveries are not being picked up (age of the oldest delivery, s). Retried deliveries wait hidden on purpose; SQS stops counting a message once it has been received three times.',
  });
  addAlarm('WebhookDeliveryDeadLetters', pipeline.deliveryDeadLetterQueue.metricApproximateNumberOfMessagesVisible(minute), {
    threshold: 1,
    description: 'Webhook deliveries in the dead-letter queue: the delivery Lambda failed on them again and again',
  });
  addAlarm('WebhookStreamFailures', pipeline.streamFailures.metricApproximateNumberOfMessagesVisible(minute), {
    threshold: 1,
    description: 'Table changes were not turned into webhook events after every retry (the on-failure queue names the stream records)',
  });
  const iteratorAge = pipeline.produceEvents.metric('IteratorAge', minute);
  addAlarm('WebhookStreamIteratorAge', iteratorAge, {
    threshold: (thresholds.streamIteratorAge ?? Duration.seconds(60)).toMilliseconds(),
    evaluationPeriods: 3,
    description: 'Webhook events lag behind the table changes (stream iterator age of produce-events, ms)',
  });

  const graph = (title: string, left: IMetric[], right: IMetric[] = []): GraphWidget => new GraphWidget({ title, left, right, width: 12 });
  return [
    graph(
      'Webhook delivery attempts',
      [
        serviceMetric(stage, metricNames.webhookDeliveries).with({ label: 'Attempts' }),
        serviceMetric(stage, metricNames.webhookDeliveriesFailed).with({ label: 'Failed' }),
      ],
      [failureRate],
    ),
    graph(
      'Webhook delivery queue',
      [
        pipeline.deliveryQueue.metricApproximateNumberOfMessagesVisible({ label: 'Waiting' }),
        pipeline.deliveryQueue.metricApproximateNumberOfMessagesNotVisible({ label: 'In flight or awaiting retry' }),
      ],
      [pipeline.deliveryQueue.metricApproximateAgeOfOldestMessage({ label: 'Oldest (s)' })],
    ),
    graph(
      'Webhook dead letters and stream lag',
      [
        pipeline.deliveryDeadLetterQueue.metricApproximateNumberOfMessagesVisible({ label: 'Delivery DLQ' }),
        pipeline.streamFailures.metricApproximateNumberOfMessagesVisible({ label: 'Stream failures' }),
      ],
      [iteratorAge.with({ label: 'Stream iterator age (ms)' })],
    ),
  ];
}
