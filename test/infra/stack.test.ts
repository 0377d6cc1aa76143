import { Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHubApp } from '../../infra/hub-app.ts';
import { jobDefinitions } from '../../infra/jobs.ts';
import { maxShardCount, resolveSettings } from '../../infra/settings.ts';
import { metricNames, metricsNamespace } from '../../shared/metrics.ts';
import { deadLetterQueueName, queueName, queueSettings, table } from '../../shared/resources.ts';
import { defaultSetting } from '../../shared/routes/responses.ts';
import { apiFunctionPolicy, fixtureConsoleDist, resourcesOf, synthesizeHub } from './support/synthesize-hub.ts';

// Prepare: one dev and one prod synthesis, shared by every test of this file.
const dev = synthesizeHub({ shardCount: 3 });
const prod = synthesizeHub({ stage: 'prod', shardCount: 2, alarmEmail: 'ops@example.com' });

describe('data table', () => {
  it('has the keys, indexes and TTL of shared/resources.ts, on demand, PITR, encrypted with the data key', () => {
    dev.template.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: table.partitionKey, KeyType: 'HASH' },
        { AttributeName: table.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: table.indexes.map((index) =>
        Match.objectLike({
          IndexName: index.name,
          KeySchema: [
            { AttributeName: index.partitionKey, KeyType: 'HASH' },
            { AttributeName: index.sortKey, KeyType: 'RANGE' },
          ],
        }),
      ),
      TimeToLiveSpecification: { AttributeName: table.ttlAttribute, Enabled: true },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: Match.anyValue() },
    });
    dev.template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });

  it('is protected and retained in prod only', () => {
    prod.template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({ DeletionProtectionEnabled: true }),
    });
    dev.template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Delete',
      Properties: Match.objectLike({ DeletionProtectionEnabled: false }),
    });
  });
});

describe('shard queues', () => {
  it("gives every shard a send and a control FIFO queue with a FIFO DLQ, SSE and the consumers' visibility timeouts", () => {
    const queues = resourcesOf(dev.template, 'AWS::SQS::Queue').filter(({ id }) => id.startsWith('Queues'));
    expect(queues).toHaveLength(3 * 2 * 2);
    for (let shard = 0; shard < 3; shard++) {
      for (const kind of ['send', 'control'] as const) {
        const dlq = queues.find((queue) => queue.properties.QueueName === deadLetterQueueName('whatsapp-hub-dev', kind, shard));
        expect(dlq?.properties).toMatchObject({
          FifoQueue: true,
          SqsManagedSseEnabled: true,
          MessageRetentionPeriod: queueSettings.deadLetterRetentionDays * 86_400,
        });
        const main = queues.find((queue) => queue.properties.QueueName === queueName('whatsapp-hub-dev', kind, shard));
        expect(main?.properties).toMatchObject({
          FifoQueue: true,
          SqsManagedSseEnabled: true,
          VisibilityTimeout: queueSettings.visibilityTimeoutSeconds[kind],
          RedrivePolicy: { maxReceiveCount: queueSettings.maxReceiveCount[kind], deadLetterTargetArn: { 'Fn::GetAtt': [dlq?.id, 'Arn'] } },
        });
      }
    }
  });

  it('refuses requests without TLS', () => {
    expect(resourcesOf(dev.template, 'AWS::SQS::QueuePolicy').filter(({ id }) => id.startsWith('Queues'))).toHaveLength(12);
    dev.template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
      },
    });
  });
});

describe('auth-state bucket', () => {
  it('is KMS-encrypted, private, versioned with a noncurrent-version lifecycle, and logs access', () => {
    dev.template.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          Match.objectLike({ ServerSideEncryptionByDefault: Match.objectLike({ SSEAlgorithm: 'aws:kms' }) }),
        ],
      },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      VersioningConfiguration: { Status: 'Enabled' },
      LifecycleConfiguration: { Rules: Match.arrayWith([Match.objectLike({ NoncurrentVersionExpiration: { NoncurrentDays: 30 } })]) },
      LoggingConfiguration: Match.objectLike({ DestinationBucketName: Match.anyValue() }),
    });
  });

  it('enforces TLS on both buckets', () => {
    const policies = resourcesOf(dev.template, 'AWS::S3::BucketPolicy').filter(({ id }) => id.startsWith('AuthState'));
    expect(policies).toHaveLength(2);
    for (const { properties } of policies) {
      expect(JSON.stringify(properties.PolicyDocument)).toContain('"aws:SecureTransport":"false"');
    }
  });
});

describe('media bucket', () => {
  const bucketId = () => resourcesOf(dev.template, 'AWS::S3::Bucket').find(({ id }) => id.startsWith('MediaBucket'))?.id;
  /**
   * What a role's policy allows on the media bucket: actions on its `media/` objects, whether it may
   * list that prefix, and any other statement on the bucket (none: the grants stop at `media/`).
   */
  /** An API handler's (`message/media`) or another role's (by policy id prefix) media grants. */
  const mediaAccess = (owner: string) => {
    const policy = owner.includes('/')
      ? apiFunctionPolicy(dev.template, owner)
      : resourcesOf(dev.template, 'AWS::IAM::Policy').find(({ id }) => id.startsWith(owner));
    const statements: Array<{ Action: string | string[]; Resource: unknown; Condition?: unknown }> =
      policy?.properties.PolicyDocument.Statement ?? [];
    const bucketArn = { 'Fn::GetAtt': [bucketId(), 'Arn'] };
    const objectsUnder =
      (prefix: string) =>
      ({ Resource }: { Resource: unknown }) =>
        JSON.stringify(Resource) === JSON.stringify({ 'Fn::Join': ['', [bucketArn, `/${prefix}/*`]] });
    const isObjects = objectsUnder('media');
    const isUploads = objectsUnder('uploads');
    const isPrefixListing = ({ Action, Resource, Condition }: { Action: unknown; Resource: unknown; Condition?: unknown }) =>
      Action === 's3:ListBucket' &&
      JSON.stringify(Resource) === JSON.stringify(bucketArn) &&
      JSON.stringify(Condition) === JSON.stringify({ StringLike: { 's3:prefix': 'media/*' } });
    return {
      objectActions: statements.filter(isObjects).flatMap(({ Action }) => Action),
      uploadActions: statements.filter(isUploads).flatMap(({ Action }) => Action),
      listsMediaOnly: statements.some(isPrefixListing),
      otherStatements: statements.filter(
        (statement) =>
          JSON.stringify(statement.Resource).includes(`"${bucketId()}"`) &&
          !isObjects(statement) &&
          !isUploads(statement) &&
          !isPrefixListing(statement),
      ),
    };
  };

  it('is encrypted with the data key, private, expires media after the inbound retention, and logs access', () => {
    const [key] = resourcesOf(dev.template, 'AWS::KMS::Key').filter(({ id }) => id.startsWith('DataKey'));
    const logs = resourcesOf(dev.template, 'AWS::S3::Bucket').find(({ id }) => id.startsWith('AuthStateAccessLogs'));
    const media = resourcesOf(dev.template, 'AWS::S3::Bucket').find(({ id }) => id === bucketId());

    expect(media?.properties).toMatchObject({
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          {
            BucketKeyEnabled: true,
            ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: { 'Fn::GetAtt': [key?.id, 'Arn'] } },
          },
        ],
      },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      LifecycleConfiguration: {
        Rules: [
          {
            ExpirationInDays: defaultSetting('INBOUND_RETENTION_DAYS'),
            AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
            Status: 'Enabled',
          },
          { Prefix: 'uploads/', ExpirationInDays: 1, Status: 'Enabled' },
        ],
      },
      LoggingConfiguration: { DestinationBucketName: { Ref: logs?.id }, LogFilePrefix: 'media/' },
    });
  });

  it('refuses requests without TLS, and is retained in prod only', () => {
    const [policy] = resourcesOf(dev.template, 'AWS::S3::BucketPolicy').filter(({ properties }) => properties.Bucket.Ref === bucketId());

    expect(JSON.stringify(policy?.properties.PolicyDocument)).toContain('"aws:SecureTransport":"false"');
    expect(
      Object.entries(prod.template.findResources('AWS::S3::Bucket')).find(([id]) => id.startsWith('MediaBucket'))?.[1].DeletionPolicy,
    ).toBe('Retain');
    expect(dev.template.findResources('AWS::S3::Bucket')[bucketId() ?? '']?.DeletionPolicy).toBe('Delete');
  });

  it('lets the connector write (in parts) and delete media, the media route read it, session removal delete it: under media/ only', () => {
    const connector = mediaAccess('ConnectorTaskTaskRole');
    const route = mediaAccess('message/media');

    expect(connector.objectActions.sort()).toEqual(['s3:AbortMultipartUpload', 's3:DeleteObject', 's3:PutObject']);
    expect(connector.listsMediaOnly).toBe(true);
    expect(route.objectActions).toEqual(['s3:GetObject']);
    expect(route.listsMediaOnly).toBe(false);
    for (const remover of ['session/logout', 'session/cleanup', 'JobscleanupsessionsRole']) {
      expect(mediaAccess(remover).objectActions, remover).toEqual(['s3:DeleteObject']);
      expect(mediaAccess(remover).listsMediaOnly, remover).toBe(true);
    }
    expect(mediaAccess('message/list').objectActions).toEqual([]);
    for (const role of ['session/logout', 'session/cleanup', 'JobscleanupsessionsRole', 'message/list', 'message/media'])
      expect(mediaAccess(role).uploadActions, role).toEqual([]);
    for (const role of ['ConnectorTaskTaskRole', 'message/media', 'session/logout', 'session/cleanup', 'JobscleanupsessionsRole'])
      expect(mediaAccess(role).otherStatements, role).toEqual([]);
  });

  it('lets the media sends store and check uploads, POST /media sign them, the connector read them: under uploads/ only', () => {
    for (const route of [
      'message/send-image',
      'message/send-document',
      'message/send-sticker',
      'message/send-video',
      'message/send-audio',
    ]) {
      expect(mediaAccess(route).uploadActions.sort(), route).toEqual(['s3:GetObject', 's3:PutObject']);
      expect(mediaAccess(route).objectActions, route).toEqual([]);
      expect(mediaAccess(route).otherStatements, route).toEqual([]);
    }
    expect(mediaAccess('media/create-upload').uploadActions).toEqual(['s3:PutObject']);
    expect(mediaAccess('media/create-upload').objectActions).toEqual([]);
    expect(mediaAccess('ConnectorTaskTaskRole').uploadActions).toEqual(['s3:GetObject']);
    expect(mediaAccess('message/send-text').uploadActions).toEqual([]);
  });

  it('gives the connector and the Lambdas its name, and outputs it', () => {
    const [task] = resourcesOf(dev.template, 'AWS::ECS::TaskDefinition');
    const variables = task?.properties.ContainerDefinitions[0].Environment as Array<{ Name: string; Value: unknown }>;
    const [fn] = resourcesOf(dev.template, 'AWS::Lambda::Function').filter(({ id }) => id.startsWith('Apimessagemedia'));

    expect(variables).toContainEqual({ Name: 'MEDIA_BUCKET_NAME', Value: { Ref: bucketId() } });
    expect(fn?.properties.Environment.Variables.MEDIA_BUCKET_NAME).toEqual({ Ref: bucketId() });
    expect(dev.template.findOutputs('MediaBucketName').MediaBucketName?.Value).toEqual({ Ref: bucketId() });
  });
});

describe('secrets', () => {
  it('keeps one KMS-encrypted secret, filled at deploy by the initializer custom resource, with no value in the template', () => {
    const secrets = resourcesOf(dev.template, 'AWS::SecretsManager::Secret');
    expect(secrets).toHaveLength(1);
    expect(secrets[0]?.properties.SecretString).toBeUndefined();
    expect(secrets[0]?.properties.KmsKeyId).toBeDefined();
    const [custom] = resourcesOf(dev.template, 'Custom::SecretsDocument');
    expect(custom?.properties.SecretId).toEqual({ Ref: secrets[0]?.id });
    const initializer = resourcesOf(dev.template, 'AWS::Lambda::Function').find(
      (fn) => fn.id === custom?.properties.ServiceToken['Fn::GetAtt'][0],
    );
    expect(initializer?.properties.Runtime).toBe('nodejs24.x');
    dev.template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Action: Match.arrayWith(['secretsmanager:PutSecretValue']), Resource: { Ref: secrets[0]?.id } }),
        ]),
      },
    });
  });

  it('retains the secret in prod', () => {
    prod.template.hasResource('AWS::SecretsManager::Secret', { DeletionPolicy: 'Retain' });
  });
});

describe('scheduled jobs', () => {
  it('schedules the cleanup and the sweeper', () => {
    const rules = resourcesOf(dev.template, 'AWS::Events::Rule');

    expect(jobDefinitions.map((job) => job.name).sort()).toEqual(['cleanup-sessions', 'sweep-pending']);
    expect(rules.map((rule) => rule.properties.ScheduleExpression).sort()).toEqual(jobDefinitions.map((job) => job.schedule).sort());
  });
});

describe('settings', () => {
  it('defaults from one place and reads context strings', () => {
    const settings = resolveSettings((key) => ({ shardCount: '6', allowedOrigins: 'https://a.example, https://b.example' })[key]);
    expect(settings).toMatchObject({
      stage: 'dev',
      shardCount: 6,
      connectorMinTasks: 1,
      connectorMaxTasks: 6,
      allowedOrigins: ['https://a.example', 'https://b.example'],
    });
    expect(resolveSettings((key) => (key === 'stage' ? 'prod' : undefined)).connectorMinTasks).toBe(2);
    expect(() => resolveSettings((key) => (key === 'shardCount' ? '0' : undefined))).toThrow(/shardCount/);
    expect(() => resolveSettings((key) => (key === 'shardCount' ? String(maxShardCount + 1) : undefined))).toThrow(/500 resources/);
  });

  it('subscribes the alarm e-mail', () => {
    prod.template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.com' });
    expect(resourcesOf(dev.template, 'AWS::SNS::Subscription')).toHaveLength(0);
  });

  it('outputs what operators need (admin:create, dashboards)', () => {
    const outputs = Object.keys(dev.template.findOutputs('*'));
    expect(outputs).toEqual(expect.arrayContaining(['ApiUrl', 'Region', 'TableName', 'SecretsArn', 'AlarmTopicArn', 'DashboardName']));
  });
});

describe('connector', () => {
  it('runs the connector image (repository root context, connector/Dockerfile) on ARM64 Fargate with a health check', () => {
    const [task] = resourcesOf(dev.template, 'AWS::ECS::TaskDefinition');
    expect(task?.properties).toMatchObject({
      RuntimePlatform: { CpuArchitecture: 'ARM64', OperatingSystemFamily: 'LINUX' },
      Cpu: '512',
      Memory: '1024',
    });
    const [container] = task?.properties.ContainerDefinitions ?? [];
    expect(container.HealthCheck.Command.slice(0, 2)).toEqual(['CMD', 'node']);
    const names = container.Environment.map((variable: { Name: string }) => variable.Name);
    expect(names).toEqual(
      expect.arrayContaining([
        'TABLE_NAME',
        'AUTH_BUCKET_NAME',
        'QUEUE_NAME_PREFIX',
        'QUEUE_URL_BASE',
        'SHARD_COUNT',
        'SECRETS_ARN',
        'STAGE',
        'LOG_LEVEL',
        'AWS_REGION',
      ]),
    );
    const assets = JSON.parse(readFileSync(join(dev.outdir, 'WhatsAppHub-dev.assets.json'), 'utf8'));
    const [image] = Object.values<{ source: { directory: string; dockerFile: string } }>(assets.dockerImages);
    expect(image?.source.dockerFile).toBe('connector/Dockerfile');
    expect(readdirSync(join(dev.outdir, image?.source.directory ?? '')).sort()).toEqual([
      'connector',
      'package-lock.json',
      'package.json',
      'shared',
    ]);
  });

  it('rolls back failed deployments, uses public subnets without NAT, and runs two tasks at least in prod', () => {
    dev.template.hasResourceProperties('AWS::ECS::Service', {
      DeploymentConfiguration: Match.objectLike({ DeploymentCircuitBreaker: { Enable: true, Rollback: true } }),
      NetworkConfiguration: { AwsvpcConfiguration: Match.objectLike({ AssignPublicIp: 'ENABLED' }) },
    });
    dev.template.resourceCountIs('AWS::EC2::NatGateway', 0);
    prod.template.hasResourceProperties('AWS::ECS::Service', { DesiredCount: 2 });
    prod.template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', { MinCapacity: 2, MaxCapacity: 2 });
    dev.template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', { MinCapacity: 1, MaxCapacity: 3 });
  });

  it("scales on sessions per task and on the send queues' oldest message", () => {
    dev.template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      PolicyType: 'TargetTrackingScaling',
      TargetTrackingScalingPolicyConfiguration: Match.objectLike({
        TargetValue: 200,
        CustomizedMetricSpecification: Match.objectLike({
          MetricName: metricNames.sessionsConnected,
          Namespace: metricsNamespace,
          Statistic: 'Average',
        }),
      }),
    });
    dev.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Metrics: Match.arrayWith([Match.objectLike({ Expression: 'MAX([q0,q1,q2])' })]),
    });
  });

  it('scales on the send queues of the most shards a stack holds, ten queues at most to an alarm (the most metric math takes)', () => {
    const { template } = synthesizeHub({ shardCount: maxShardCount });
    const expressions = resourcesOf(template, 'AWS::CloudWatch::Alarm').flatMap(({ properties }) =>
      (properties.Metrics ?? []).flatMap((metric: { Expression?: string }) =>
        metric.Expression?.startsWith('MAX([q') ? [metric.Expression] : [],
      ),
    );

    expect(expressions.map((expression) => expression.split(',').length)).toEqual([maxShardCount]);
  });

  it('lets the task role consume the queues, use the table and only the sessions/ prefix of the bucket', () => {
    const taskPolicy = resourcesOf(dev.template, 'AWS::IAM::Policy').find(({ id }) => id.startsWith('ConnectorTaskTaskRole'));
    const document = JSON.stringify(taskPolicy?.properties.PolicyDocument);
    expect(document).toContain('sqs:ReceiveMessage');
    expect(document).toContain('sqs:DeleteMessage');
    expect(document).not.toContain('sqs:SendMessage');
    expect(document).toContain('dynamodb:UpdateItem');
    expect(document).toContain('/sessions/*');
    expect(document).toContain('"s3:prefix":"sessions/*"');
    expect(document).toContain('kms:Decrypt');
    expect(document).not.toContain('secretsmanager');
  });
});

describe('monitoring', () => {
  it('sends every alarm to the SNS topic (the autoscaling alarms aside)', () => {
    const topic = resourcesOf(dev.template, 'AWS::SNS::Topic')[0];
    const policies = new Set(resourcesOf(dev.template, 'AWS::ApplicationAutoScaling::ScalingPolicy').map(({ id }) => id));
    const alarms = resourcesOf(dev.template, 'AWS::CloudWatch::Alarm').filter(
      ({ properties }) => !policies.has(properties.AlarmActions?.[0]?.Ref),
    );
    expect(alarms.length).toBeGreaterThan(8);
    for (const { properties } of alarms) expect(properties.AlarmActions).toEqual([{ Ref: topic?.id }]);
  });

  it('alarms on API 5xx rate, p99 latency, DLQs, message age, heartbeat, Lambda errors and throttles, dropping sessions', () => {
    const descriptions = resourcesOf(dev.template, 'AWS::CloudWatch::Alarm').map(({ properties }) => String(properties.AlarmDescription));
    for (const expected of [
      '5xx',
      'p99',
      'dead-letter',
      'not drained',
      'heartbeat',
      'Lambda errors',
      'Lambda throttles',
      'losing their connection',
    ]) {
      expect(
        descriptions.some((description) => description.includes(expected)),
        expected,
      ).toBe(true);
    }
    dev.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: metricNames.connectorHeartbeat,
      Namespace: metricsNamespace,
      TreatMissingData: 'breaching',
    });
  });

  it('alarms when inbound media fails to download or store, 10 times in 5 minutes', () => {
    dev.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: metricNames.inboundMediaFailed,
      Namespace: metricsNamespace,
      Statistic: 'Sum',
      Period: 300,
      Threshold: 10,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
    });
  });

  it('draws the dashboard from the same metric names the code emits', () => {
    const [dashboard] = resourcesOf(dev.template, 'AWS::CloudWatch::Dashboard');
    const body = JSON.stringify(dashboard?.properties.DashboardBody);
    for (const name of Object.values(metricNames)) expect(body).toContain(name);
    for (const name of ['5XXError', 'Latency', 'Throttles', 'ApproximateAgeOfOldestMessage', 'CPUUtilization', 'RunningTaskCount'])
      expect(body).toContain(name);
  });
});

describe('cdk-nag', () => {
  it('passes AwsSolutionsChecks: the synthesis above would have failed on an unacknowledged error', () => {
    expect(Stack.of(dev.stack).stackName).toBe('WhatsAppHub-dev');
  });

  it('is active: an unencrypted, TLS-optional queue fails synthesis', () => {
    const { app, stack } = createHubApp({
      context: { consoleDist: fixtureConsoleDist(), 'aws:cdk:bundling-stacks': [] },
      outdir: dev.outdir + '-offender',
    });
    new Queue(stack, 'Offender');
    expect(() => app.synth()).toThrow(/AwsSolutions-SQS4/);
  });
});
