import { Duration } from 'aws-cdk-lib';
import type { RestApi } from 'aws-cdk-lib/aws-apigateway';
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  MathExpression,
  Metric,
  TextWidget,
  TreatMissingData,
  type IMetric,
  type IWidget,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { FargateService } from 'aws-cdk-lib/aws-ecs';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { metricNames } from '../../shared/metrics.ts';
import { serviceMetric } from '../service-metrics.ts';
import type { ShardQueues } from './shard-queues.ts';
import { monitorWebhooks, type WebhookPipeline } from './webhook-monitoring.ts';

export interface MonitoringProps {
  readonly stage: string;
  /** Encrypts the alarm topic; CloudWatch is allowed to use it to publish. */
  readonly key: IKey;
  /**
   * Subscribed to the alarm topic.
   * @default no subscription
   */
  readonly alarmEmail?: string;
  readonly api: RestApi;
  /** Every Lambda of the service, by a readable name. */
  readonly functions: ReadonlyMap<string, IFunction>;
  readonly queues: ShardQueues;
  readonly connector: FargateService;
  /** The webhook queues, the stream mapping's on-failure queue and the stream's Lambda (its own alarms and graphs). */
  readonly webhooks: WebhookPipeline;
  /** p99 API latency (ms) that raises an alarm. */
  readonly latencyP99AlarmMs: number;
  /**
   * Fraction of API answers that may be 5xx before the alarm.
   * @default 0.05
   */
  readonly serverErrorRate?: number;
  /**
   * Age of a queue's oldest message that raises an alarm.
   * @default 10 minutes
   */
  readonly oldestMessageAge?: Duration;
  /**
   * Sessions lost within 5 minutes that raise an alarm.
   * @default 10
   */
  readonly sessionsDroppedIn5Minutes?: number;
  /**
   * Inbound media downloads or stores that fail within 5 minutes before the alarm.
   * @default 10
   */
  readonly inboundMediaFailuresIn5Minutes?: number;
}

/** One alarm's condition and the description operators read in the notification. */
export interface AlarmOptions {
  readonly threshold: number;
  readonly description: string;
  /** @default 1 */
  readonly evaluationPeriods?: number;
  /** @default GREATER_THAN_OR_EQUAL_TO_THRESHOLD */
  readonly comparisonOperator?: ComparisonOperator;
  /** @default NOT_BREACHING */
  readonly treatMissingData?: TreatMissingData;
}

/**
 * The dashboard and the alarms. Every alarm notifies the SNS topic; the service's own metrics are
 * the EMF metrics named in `shared/metrics.ts`.
 */
export class Monitoring extends Construct {
  readonly topic: Topic;
  readonly dashboard: Dashboard;
  private readonly alarmAction: SnsAction;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    this.topic = new Topic(this, 'Alarms', { displayName: `WhatsApp Hub ${props.stage} alarms`, masterKey: props.key, enforceSSL: true });
    props.key.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    if (props.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
    this.alarmAction = new SnsAction(this.topic);

    const service = (name: string, statistic?: string) => serviceMetric(props.stage, name, statistic);
    const stage = props.api.deploymentStage;

    this.addAlarm('Api5xxRate', stage.metricServerError({ statistic: 'Average', period: Duration.minutes(5) }), {
      threshold: props.serverErrorRate ?? 0.05,
      description: 'More than the allowed share of API answers are 5xx',
    });
    this.addAlarm('ApiLatencyP99', stage.metricLatency({ statistic: 'p99', period: Duration.minutes(5) }), {
      threshold: props.latencyP99AlarmMs,
      evaluationPeriods: 3,
      description: 'p99 API latency is high',
    });
    const lambdas = [...props.functions];
    this.addGroupAlarms(
      'LambdaErrors',
      'SUM',
      lambdas.map(([name, fn]) => [name, fn.metricErrors({ period: Duration.minutes(5) })]),
      {
        threshold: 1,
        description: 'Lambda errors',
      },
    );
    this.addGroupAlarms(
      'LambdaThrottles',
      'SUM',
      lambdas.map(([name, fn]) => [name, fn.metricThrottles({ period: Duration.minutes(5) })]),
      {
        threshold: 1,
        description: 'Lambda throttles',
      },
    );
    const minute = { statistic: 'Maximum', period: Duration.minutes(1) };
    this.addGroupAlarms(
      'DeadLetters',
      'MAX',
      props.queues.all.map(({ kind, shard, deadLetterQueue }) => [
        `${kind}-${shard}`,
        deadLetterQueue.metricApproximateNumberOfMessagesVisible(minute),
      ]),
      { threshold: 1, period: Duration.minutes(1), description: 'Messages in a dead-letter queue' },
    );
    this.addGroupAlarms(
      'OldestMessage',
      'MAX',
      props.queues.all.map(({ kind, shard, queue }) => [`${kind}-${shard}`, queue.metricApproximateAgeOfOldestMessage(minute)]),
      {
        threshold: (props.oldestMessageAge ?? Duration.minutes(10)).toSeconds(),
        evaluationPeriods: 3,
        period: Duration.minutes(1),
        description: 'A queue is not drained (age of oldest message, s)',
      },
    );
    this.addAlarm('ConnectorHeartbeatMissing', service(metricNames.connectorHeartbeat), {
      threshold: 1,
      comparisonOperator: ComparisonOperator.LESS_THAN_THRESHOLD,
      evaluationPeriods: 3,
      treatMissingData: TreatMissingData.BREACHING,
      description: 'No connector task has reported a heartbeat for 3 minutes',
    });
    this.addAlarm('SessionsDropping', service(metricNames.sessionsDisconnected).with({ period: Duration.minutes(5) }), {
      threshold: props.sessionsDroppedIn5Minutes ?? 10,
      description: 'WhatsApp sessions are losing their connection',
    });
    this.addAlarm('InboundMediaFailing', service(metricNames.inboundMediaFailed).with({ period: Duration.minutes(5) }), {
      threshold: props.inboundMediaFailuresIn5Minutes ?? 10,
      description: 'Inbound media cannot be downloaded from WhatsApp or stored',
    });
    this.addAlarm('InboundMessagesLost', service(metricNames.inboundMessagesLost), {
      threshold: 1,
      description: 'Inbound messages could not be stored after every retry: WhatsApp will not deliver them again',
    });

    const webhookWidgets = monitorWebhooks(
      (alarmId, metric, options) => this.addAlarm(alarmId, metric, options),
      props.stage,
      props.webhooks,
    );

    this.dashboard = new Dashboard(this, 'Dashboard', { dashboardName: `whatsapp-hub-${props.stage}` });
    const graph = (title: string, left: IMetric[], right: IMetric[] = []): GraphWidget =>
      new GraphWidget({ title, left, right, width: 12 });
    const widgets: IWidget[] = [
      new TextWidget({ markdown: `# WhatsApp Hub (${props.stage})`, width: 24, height: 1 }),
      graph('API requests and errors', [stage.metricCount(), stage.metricClientError(), stage.metricServerError()]),
      graph('API latency', [stage.metricLatency({ statistic: 'p50' }), stage.metricLatency({ statistic: 'p99' })]),
      graph(
        'Lambda errors',
        lambdas.map(([name, fn]) => fn.metricErrors({ label: name })),
      ),
      graph(
        'Lambda throttles',
        lambdas.map(([name, fn]) => fn.metricThrottles({ label: name })),
      ),
      graph(
        'Lambda duration p99',
        lambdas.map(([name, fn]) => fn.metricDuration({ label: name, statistic: 'p99' })),
      ),
      graph(
        'Queue depth',
        props.queues.all.map(({ kind, shard, queue }) => queue.metricApproximateNumberOfMessagesVisible({ label: `${kind} ${shard}` })),
      ),
      graph(
        'Age of oldest message (s)',
        props.queues.all.map(({ kind, shard, queue }) => queue.metricApproximateAgeOfOldestMessage({ label: `${kind} ${shard}` })),
      ),
      graph(
        'Dead-letter queue depth',
        props.queues.all.map(({ kind, shard, deadLetterQueue }) =>
          deadLetterQueue.metricApproximateNumberOfMessagesVisible({ label: `${kind} ${shard}` }),
        ),
      ),
      graph(
        'Connector CPU and memory (%)',
        [props.connector.metricCpuUtilization(), props.connector.metricMemoryUtilization()],
        [this.runningTasks(props.connector)],
      ),
      graph(
        'Sessions',
        [service(metricNames.sessionsConnected, 'Average'), service(metricNames.sessionsDisconnected)],
        [service(metricNames.connectorHeartbeat)],
      ),
      graph('Messages', [service(metricNames.messagesSent), service(metricNames.messagesFailed), service(metricNames.messagesRateLimited)]),
      graph(
        'Inbound messages lost, media not stored',
        [service(metricNames.inboundMessagesLost)],
        [service(metricNames.inboundMediaFailed), service(metricNames.outboundMediaNotKept)],
      ),
      ...webhookWidgets,
    ];
    this.dashboard.addWidgets(...widgets);
  }

  private addAlarm(id: string, metric: IMetric, options: AlarmOptions): Alarm {
    const alarm = new Alarm(this, id, {
      metric,
      threshold: options.threshold,
      evaluationPeriods: options.evaluationPeriods ?? 1,
      comparisonOperator: options.comparisonOperator ?? ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: options.treatMissingData ?? TreatMissingData.NOT_BREACHING,
      alarmDescription: options.description,
    });
    alarm.addAlarmAction(this.alarmAction);
    alarm.addOkAction(this.alarmAction);
    return alarm;
  }

  /**
   * Alarms on the SUM or MAX of many metrics, ten to an alarm (CloudWatch's limit for a metric-math
   * alarm): one alarm per function or queue would cost a CloudWatch alarm each and crowd the stack
   * towards CloudFormation's 500-resource limit. The description names what each alarm covers.
   */
  private addGroupAlarms(
    id: string,
    aggregate: 'SUM' | 'MAX',
    metrics: ReadonlyArray<readonly [string, IMetric]>,
    options: { threshold: number; description: string; evaluationPeriods?: number; period?: Duration },
  ): void {
    for (let start = 0, group = 0; start < metrics.length; start += 10, group++) {
      const chunk = metrics.slice(start, start + 10);
      const usingMetrics = Object.fromEntries(chunk.map(([, metric], index) => [`m${index}`, metric]));
      const expression = new MathExpression({
        expression: `${aggregate}([${Object.keys(usingMetrics).join(',')}])`,
        usingMetrics,
        label: id,
        period: options.period ?? Duration.minutes(5),
      });
      this.addAlarm(`${id}${group}`, expression, {
        threshold: options.threshold,
        evaluationPeriods: options.evaluationPeriods,
        description: `${options.description}: ${chunk.map(([name]) => name).join(', ')}`,
      });
    }
  }

  /** Running connector tasks, from Container Insights. */
  private runningTasks(service: FargateService): Metric {
    return new Metric({
      namespace: 'ECS/ContainerInsights',
      metricName: 'RunningTaskCount',
      dimensionsMap: { ClusterName: service.cluster.clusterName, ServiceName: service.serviceName },
      statistic: 'Average',
      label: 'Running tasks',
    });
  }
}
