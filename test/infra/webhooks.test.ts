import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { oldestDeliveryAgeThreshold } from '../../infra/constructs/webhook-monitoring.ts';
import { webhookEnvironment } from '../../infra/constructs/webhooks.ts';
import { metricNames } from '../../shared/metrics.ts';
import { eventSourceSortKeys, webhookDeadLetterQueueName, webhookQueueName, webhookQueueSettings } from '../../shared/resources.ts';
import { defaultSetting } from '../../shared/routes/responses.ts';
import { routeList } from '../../shared/routes.ts';
import { apiFunctionPolicy, resourcesOf, synthesizeHub } from './support/synthesize-hub.ts';

// Prepare: one synthesis (cdk-nag's checks included) for the whole file.
const { template } = synthesizeHub({ shardCount: 2 });

const queueId = (name: string) => resourcesOf(template, 'AWS::SQS::Queue').find(({ properties }) => properties.QueueName === name)?.id;
const deliveryQueueId = () => queueId(webhookQueueName('whatsapp-hub-dev'));
const streamFailuresId = () => resourcesOf(template, 'AWS::SQS::Queue').find(({ id }) => id.startsWith('WebhooksStreamFailures'))?.id;
const tableId = () => resourcesOf(template, 'AWS::DynamoDB::Table')[0]?.id;
const functionOf = (idPrefix: string) => resourcesOf(template, 'AWS::Lambda::Function').find(({ id }) => id.startsWith(idPrefix));
const mappingOf = (functionIdPrefix: string) =>
  resourcesOf(template, 'AWS::Lambda::EventSourceMapping').find(
    ({ properties }) => properties.FunctionName.Ref === functionOf(functionIdPrefix)?.id,
  )?.properties;

interface Statement {
  Action: string | string[];
  Resource: unknown;
}
/** The statements of a role's policy (by the role's logical id prefix) that allow an action. */
function statementsAllowing(rolePrefix: string, action: string): Statement[] {
  const policy = resourcesOf(template, 'AWS::IAM::Policy').find(({ id }) => id.startsWith(rolePrefix));
  const statements: Statement[] = policy?.properties.PolicyDocument.Statement ?? [];
  return statements.filter(({ Action }) => [Action].flat().includes(action));
}
const arnOf = (id: string | undefined) => ({ 'Fn::GetAtt': [id, 'Arn'] });

describe('table stream', () => {
  it('streams new and old images of every change', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', { StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' } });
  });
});

describe('delivery queue', () => {
  it('is a standard queue with SSE, the delivery settings and a redrive to its dead-letter queue', () => {
    const queues = resourcesOf(template, 'AWS::SQS::Queue');
    const dlq = queues.find(({ properties }) => properties.QueueName === webhookDeadLetterQueueName('whatsapp-hub-dev'));
    const main = queues.find(({ id }) => id === deliveryQueueId());

    expect(dlq?.properties).toEqual({
      QueueName: webhookDeadLetterQueueName('whatsapp-hub-dev'),
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: webhookQueueSettings.deadLetterRetentionDays * 86_400,
    });
    expect(main?.properties).toEqual({
      QueueName: webhookQueueName('whatsapp-hub-dev'),
      SqsManagedSseEnabled: true,
      VisibilityTimeout: webhookQueueSettings.visibilityTimeoutSeconds,
      MessageRetentionPeriod: webhookQueueSettings.retentionDays * 86_400,
      RedrivePolicy: { maxReceiveCount: webhookQueueSettings.maxReceiveCount, deadLetterTargetArn: arnOf(dlq?.id) },
    });
  });

  it('refuses requests without TLS, on the queue, its DLQ and the stream failures queue', () => {
    const policies = resourcesOf(template, 'AWS::SQS::QueuePolicy');
    for (const id of [deliveryQueueId(), queueId(webhookDeadLetterQueueName('whatsapp-hub-dev')), streamFailuresId()]) {
      const policy = policies.find(({ properties }) =>
        properties.Queues.some((queue: unknown) => JSON.stringify(queue) === JSON.stringify({ Ref: id })),
      );
      expect(JSON.stringify(policy?.properties.PolicyDocument), id).toContain('"aws:SecureTransport":"false"');
    }
  });
});

describe('produce-events', () => {
  it('reads the table stream from LATEST, filtered to the item types that make events, without a batching window', () => {
    const mapping = mappingOf('Webhooksproduceevents');

    expect(mapping).toMatchObject({
      EventSourceArn: { 'Fn::GetAtt': [tableId(), 'StreamArn'] },
      StartingPosition: 'LATEST',
      BatchSize: 100,
      FilterCriteria: { Filters: [{ Pattern: JSON.stringify({ dynamodb: { Keys: { sk: { S: [...eventSourceSortKeys] } } } }) }] },
    });
    expect(mapping?.MaximumBatchingWindowInSeconds ?? 0).toBe(0);
  });

  it('reports partial batch failures, bisects failing batches, gives up after 10 retries or a day, into an encrypted queue', () => {
    expect(mappingOf('Webhooksproduceevents')).toMatchObject({
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 10,
      MaximumRecordAgeInSeconds: 86_400,
      DestinationConfig: { OnFailure: { Destination: arnOf(streamFailuresId()) } },
    });
    const failures = resourcesOf(template, 'AWS::SQS::Queue').find(({ id }) => id === streamFailuresId());
    expect(failures?.properties).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 86_400 });
  });

  it('may send to the delivery queue and its on-failure queue only, and read the stream, with no secrets', () => {
    const sends = statementsAllowing('WebhooksproduceeventsRole', 'sqs:SendMessage').map(({ Resource }) => Resource);

    expect(sends).toEqual(expect.arrayContaining([arnOf(deliveryQueueId()), arnOf(streamFailuresId())]));
    expect(sends).toHaveLength(2);
    expect(statementsAllowing('WebhooksproduceeventsRole', 'dynamodb:GetRecords').map(({ Resource }) => Resource)).toContainEqual({
      'Fn::GetAtt': [tableId(), 'StreamArn'],
    });
    expect(statementsAllowing('WebhooksproduceeventsRole', 'dynamodb:PutItem')).toHaveLength(1);
    expect(statementsAllowing('WebhooksproduceeventsRole', 'secretsmanager:GetSecretValue')).toEqual([]);
  });
});

describe('deliver', () => {
  it('consumes the delivery queue in batches, reporting partial failures, with a bounded concurrency', () => {
    expect(mappingOf('Webhooksdeliver')).toMatchObject({
      EventSourceArn: arnOf(deliveryQueueId()),
      BatchSize: webhookQueueSettings.batchSize,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: 100 },
    });
  });

  it("outlasts a receiver's timeout and stays within the queue's visibility timeout", () => {
    const timeout = functionOf('Webhooksdeliver')?.properties.Timeout;

    expect(timeout).toBeGreaterThan(defaultSetting('WEBHOOK_TIMEOUT_MS') / 1000);
    expect(timeout).toBeLessThanOrEqual(webhookQueueSettings.visibilityTimeoutSeconds);
  });

  it('may postpone and delete deliveries, read the secrets and the table, and send to no queue', () => {
    const changes = statementsAllowing('WebhooksdeliverRole', 'sqs:ChangeMessageVisibility').map(({ Resource }) => Resource);

    expect(changes).toEqual([arnOf(deliveryQueueId())]);
    expect(statementsAllowing('WebhooksdeliverRole', 'sqs:DeleteMessage')).toHaveLength(1);
    expect(statementsAllowing('WebhooksdeliverRole', 'sqs:SendMessage')).toEqual([]);
    expect(statementsAllowing('WebhooksdeliverRole', 'secretsmanager:GetSecretValue')).toHaveLength(1);
    expect(statementsAllowing('WebhooksdeliverRole', 'dynamodb:PutItem')).toHaveLength(1);
    expect(statementsAllowing('WebhooksdeliverRole', 's3:GetObject')).toEqual([]);
  });
});

describe('webhook Lambdas', () => {
  it("get the API Lambdas' settings plus the webhook settings at their defaults", () => {
    const apiVariables = functionOf('Apisessionlist')?.properties.Environment.Variables;

    for (const prefix of ['Webhooksproduceevents', 'Webhooksdeliver']) {
      const variables = functionOf(prefix)?.properties.Environment.Variables;
      expect(variables, prefix).toEqual({ ...apiVariables, ...webhookEnvironment() });
    }
    expect(webhookEnvironment()).toMatchObject({
      WEBHOOK_RETRY_SCHEDULE_SECONDS: defaultSetting('WEBHOOK_RETRY_SCHEDULE_SECONDS').join(','),
      WEBHOOK_TIMEOUT_MS: String(defaultSetting('WEBHOOK_TIMEOUT_MS')),
      WEBHOOK_ALLOW_PRIVATE_URLS: 'false',
      EVENT_RETENTION_DAYS: String(defaultSetting('EVENT_RETENTION_DAYS')),
    });
  });

  it('are not in a VPC: deliver reaches the internet, as the API Lambdas do', () => {
    for (const prefix of ['Webhooksproduceevents', 'Webhooksdeliver'])
      expect(functionOf(prefix)?.properties.VpcConfig, prefix).toBeUndefined();
  });

  it("let only produce-events and the routes that declare 'webhookDeliveries:send' put deliveries on the queue", () => {
    const routePolicies = routeList
      .filter((route) => route.access?.includes('webhookDeliveries:send'))
      .map((route) => apiFunctionPolicy(template, route.handler)?.id);
    const senders = resourcesOf(template, 'AWS::IAM::Policy')
      .filter(({ properties }) =>
        properties.PolicyDocument.Statement.some(
          ({ Action, Resource }: Statement) =>
            [Action].flat().includes('sqs:SendMessage') && JSON.stringify(Resource) === JSON.stringify(arnOf(deliveryQueueId())),
        ),
      )
      .map(({ id }) => id);

    expect(routePolicies.length).toBeGreaterThan(0);
    expect(senders.sort()).toEqual([senders.find((id) => id.startsWith('WebhooksproduceeventsRole')), ...new Set(routePolicies)].sort());
  });
});

describe('webhook monitoring', () => {
  const alarms = () => resourcesOf(template, 'AWS::CloudWatch::Alarm');
  const alarmOf = (idPrefix: string) => alarms().find(({ id }) => id.startsWith(`MonitoringWebhook${idPrefix}`))?.properties;
  const topicRef = () => ({ Ref: resourcesOf(template, 'AWS::SNS::Topic')[0]?.id });

  it('alarms on the failure rate of delivery attempts, over 15 minutes, with a minimum volume', () => {
    const alarm = alarmOf('DeliveryFailureRate');
    const expression = alarm?.Metrics.find((metric: { Expression?: string }) => metric.Expression);
    const metricName = (id: string) => alarm?.Metrics.find((metric: { Id: string }) => metric.Id === id)?.MetricStat.Metric.MetricName;

    expect(expression.Expression).toBe('IF(attempts >= 20, FILL(failed, 0) / attempts, 0)');
    expect(metricName('attempts')).toBe(metricNames.webhookDeliveries);
    expect(metricName('failed')).toBe(metricNames.webhookDeliveriesFailed);
    expect(alarm).toMatchObject({ Threshold: 0.25, ComparisonOperator: 'GreaterThanOrEqualToThreshold', TreatMissingData: 'notBreaching' });
    expect(alarm?.Metrics.find((metric: { Id: string }) => metric.Id === 'attempts').MetricStat.Period).toBe(900);
  });

  it("alarms on the oldest delivery's age past the first two retry delays, on dead letters and on the stream's lag", () => {
    expect(alarmOf('OldestDelivery')).toMatchObject({
      MetricName: 'ApproximateAgeOfOldestMessage',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [deliveryQueueId(), 'QueueName'] } }],
      Threshold: 15 * 60,
    });
    expect(alarmOf('DeliveryDeadLetters')).toMatchObject({ MetricName: 'ApproximateNumberOfMessagesVisible', Threshold: 1 });
    expect(alarmOf('StreamFailures')).toMatchObject({
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [streamFailuresId(), 'QueueName'] } }],
      Threshold: 1,
    });
    expect(alarmOf('StreamIteratorAge')).toMatchObject({
      Namespace: 'AWS/Lambda',
      MetricName: 'IteratorAge',
      Statistic: 'Maximum',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: functionOf('Webhooksproduceevents')?.id } }],
      Threshold: 60_000,
    });
  });

  it('keeps the age threshold above the time a retried delivery still counts, jitter included', () => {
    const [first = 0, second = first] = defaultSetting('WEBHOOK_RETRY_SCHEDULE_SECONDS');

    expect(oldestDeliveryAgeThreshold().toSeconds()).toBeGreaterThan((first + second) * 1.2);
  });

  it("sends the webhook alarms to the operators' topic and counts both Lambdas' errors", () => {
    const webhookAlarms = alarms().filter(({ id }) => id.startsWith('MonitoringWebhook'));
    const errorAlarms = alarms()
      .filter(({ id }) => id.startsWith('MonitoringLambdaErrors'))
      .map(({ properties }) => String(properties.AlarmDescription))
      .join(' ');

    expect(webhookAlarms).toHaveLength(5);
    for (const { properties } of webhookAlarms) {
      expect(properties.AlarmActions).toEqual([topicRef()]);
      expect(properties.OKActions).toEqual([topicRef()]);
    }
    expect(errorAlarms).toContain('webhooks/produce-events');
    expect(errorAlarms).toContain('webhooks/deliver');
  });

  it('draws the webhook graphs on the dashboard', () => {
    const body = JSON.stringify(resourcesOf(template, 'AWS::CloudWatch::Dashboard')[0]?.properties.DashboardBody);

    for (const title of ['Webhook delivery attempts', 'Webhook delivery queue', 'Webhook dead letters and stream lag', 'IteratorAge']) {
      expect(body).toContain(title);
    }
  });
});

describe('settings', () => {
  it('reads the delivery concurrency from context, within Lambda bounds', () => {
    const { template: custom } = synthesizeHub({ webhookDeliveryConcurrency: '250' });

    custom.hasResourceProperties('AWS::Lambda::EventSourceMapping', { ScalingConfig: { MaximumConcurrency: 250 } });
    expect(() => synthesizeHub({ webhookDeliveryConcurrency: '1' })).toThrow(/webhookDeliveryConcurrency/);
  });
});

// cdk-nag: the synthesis above runs AwsSolutionsChecks and fails on an unacknowledged error.
it('passes cdk-nag with the webhook resources in the stack', () => {
  template.hasResourceProperties('AWS::Lambda::EventSourceMapping', Match.objectLike({ StartingPosition: 'LATEST' }));
});
