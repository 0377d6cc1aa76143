import { resolve } from 'node:path';
import { Aws, CfnOutput, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';
import { metricNames } from '../shared/metrics.ts';
import { routeList } from '../shared/routes.ts';
import { defaultSetting } from '../shared/routes/responses.ts';
import { ConsoleStack } from './console-stack.ts';
import { ApiFirewall } from './constructs/api-firewall.ts';
import { AuthStateBucket } from './constructs/auth-state-bucket.ts';
import { ConnectorService } from './constructs/connector-service.ts';
import { DataTable } from './constructs/data-table.ts';
import { HubApi } from './constructs/hub-api.ts';
import { MediaBucket } from './constructs/media-bucket.ts';
import { Monitoring } from './constructs/monitoring.ts';
import { ScheduledJobs } from './constructs/scheduled-jobs.ts';
import { ServiceSecrets } from './constructs/service-secrets.ts';
import { ShardQueues } from './constructs/shard-queues.ts';
import { WebhookQueues } from './constructs/webhook-queues.ts';
import { Webhooks } from './constructs/webhooks.ts';
import type { JobDefinition } from './jobs.ts';
import { repositoryRoot } from './paths.ts';
import type { ServiceResources } from './resource-grants.ts';
import { serviceMetric } from './service-metrics.ts';
import type { HubSettings } from './settings.ts';

export interface HubStackProps extends StackProps {
  readonly settings: HubSettings;
  /** The scheduled jobs to deploy (those whose handler exists). */
  readonly jobs: readonly JobDefinition[];
}

/**
 * The whole service in one stack: data, queues, secrets, API, connector, jobs, webhooks and
 * monitoring; the web console in a nested stack of its own.
 */
export class HubStack extends Stack {
  constructor(scope: Construct, id: string, props: HubStackProps) {
    super(scope, id, props);
    const { settings } = props;
    const prod = settings.stage === 'prod';

    // One customer-managed key for the data at rest: table, auth state, media, secrets and the alarm topic.
    const key = new Key(this, 'DataKey', {
      description: 'WhatsApp Hub data at rest',
      enableKeyRotation: true,
      removalPolicy: prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    for (const action of ['kms:GenerateDataKey*', 'kms:ReEncrypt*']) {
      Validations.of(this).acknowledge({
        id: `AwsSolutions-IAM5[Action::${action}]`,
        reason:
          'CDK grants on resources encrypted with the data key (table, bucket, secret) add these KMS action families, on that one key only.',
      });
    }
    const data = new DataTable(this, 'Data', { key, protect: prod });
    const queuePrefix = `whatsapp-hub-${settings.stage}`;
    const queueUrlBase = `https://sqs.${Aws.REGION}.${Aws.URL_SUFFIX}/${Aws.ACCOUNT_ID}`;
    const queues = new ShardQueues(this, 'Queues', { prefix: queuePrefix, shardCount: settings.shardCount });
    const webhookQueues = new WebhookQueues(this, 'WebhookQueues', { prefix: queuePrefix });
    const authState = new AuthStateBucket(this, 'AuthState', { key, retain: prod });
    const media = new MediaBucket(this, 'Media', {
      key,
      retain: prod,
      expirationDays: defaultSetting('INBOUND_RETENTION_DAYS'),
      accessLogsBucket: authState.accessLogsBucket,
    });

    // The settings every process reads (`shared/config.ts`); the region comes from the runtime.
    const environment: Record<string, string> = {
      STAGE: settings.stage,
      LOG_LEVEL: settings.logLevel,
      TABLE_NAME: data.table.tableName,
      AUTH_BUCKET_NAME: authState.bucket.bucketName,
      MEDIA_BUCKET_NAME: media.bucket.bucketName,
      QUEUE_NAME_PREFIX: queuePrefix,
      QUEUE_URL_BASE: queueUrlBase,
      SHARD_COUNT: String(settings.shardCount),
      CORS_ORIGINS: settings.allowedOrigins.join(','),
    };
    const secrets = new ServiceSecrets(this, 'Secrets', { key, retain: prod, environment });
    environment.SECRETS_ARN = secrets.secret.secretArn;
    const resources: ServiceResources = { table: data.table, secret: secrets.secret, queues, authState, media, webhookQueues };

    const api = new HubApi(this, 'Api', {
      routes: routeList,
      stageName: settings.stage,
      environment,
      resources,
      allowedOrigins: settings.allowedOrigins,
      rateLimit: settings.apiRateLimit,
      burstLimit: settings.apiBurstLimit,
    });
    new ApiFirewall(this, 'Firewall', { stageArn: api.api.deploymentStage.stageArn, requestsPer5Minutes: settings.wafRequestsPer5Minutes });
    const webConsole = new ConsoleStack(this, 'Console', {
      api: api.api,
      routes: routeList,
      mediaBucket: media.bucket,
      accessLogsBucket: authState.accessLogsBucket,
      distPath: resolve(repositoryRoot, settings.consoleDist),
      description: `WhatsApp Hub (${settings.stage}): web console`,
    });
    const jobs = new ScheduledJobs(this, 'Jobs', { jobs: props.jobs, environment, resources });
    const webhooks = new Webhooks(this, 'Webhooks', { environment, resources, deliveryConcurrency: settings.webhookDeliveryConcurrency });

    const connector = new ConnectorService(this, 'Connector', {
      environment: { ...environment, AWS_REGION: Aws.REGION },
      table: data.table,
      queues,
      authState,
      media,
      cpu: settings.connectorCpu,
      memoryMiB: settings.connectorMemoryMiB,
      minTasks: settings.connectorMinTasks,
      maxTasks: settings.connectorMaxTasks,
      sessionsPerTask: settings.sessionsPerTask,
      sessionsConnected: serviceMetric(settings.stage, metricNames.sessionsConnected, 'Average'),
    });

    const monitoring = new Monitoring(this, 'Monitoring', {
      stage: settings.stage,
      key,
      alarmEmail: settings.alarmEmail,
      api: api.api,
      functions: new Map([...api.functions, ...jobs.functions, ...webhooks.functions]),
      queues,
      connector: connector.service,
      webhooks: {
        deliveryQueue: webhookQueues.queue,
        deliveryDeadLetterQueue: webhookQueues.deadLetterQueue,
        streamFailures: webhooks.streamFailures,
        produceEvents: webhooks.produceEvents,
      },
      latencyP99AlarmMs: settings.latencyP99AlarmMs,
    });

    const outputs: Record<string, string> = {
      ApiUrl: api.api.url,
      ConsoleUrl: webConsole.url,
      Region: Aws.REGION,
      TableName: data.table.tableName,
      SecretsArn: secrets.secret.secretArn,
      AuthBucketName: authState.bucket.bucketName,
      MediaBucketName: media.bucket.bucketName,
      QueueNamePrefix: queuePrefix,
      QueueUrlBase: queueUrlBase,
      AlarmTopicArn: monitoring.topic.topicArn,
      DashboardName: monitoring.dashboard.dashboardName,
      ClusterName: connector.cluster.clusterName,
      ConnectorServiceName: connector.service.serviceName,
    };
    for (const [name, value] of Object.entries(outputs)) new CfnOutput(this, name, { value });
  }
}
