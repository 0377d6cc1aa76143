import { Duration, IgnoreMode, Validations } from 'aws-cdk-lib';
import { AdjustmentType } from 'aws-cdk-lib/aws-applicationautoscaling';
import { MathExpression, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { FlowLogDestination, FlowLogTrafficType, GatewayVpcEndpointAwsService, SecurityGroup, SubnetType, Vpc } from 'aws-cdk-lib/aws-ec2';
import { Platform } from 'aws-cdk-lib/aws-ecr-assets';
import {
  Cluster,
  ContainerImage,
  ContainerInsights,
  CpuArchitecture,
  FargateService,
  FargateTaskDefinition,
  LogDrivers,
  OperatingSystemFamily,
} from 'aws-cdk-lib/aws-ecs';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { repositoryRoot } from '../paths.ts';
import type { AuthStateBucket } from './auth-state-bucket.ts';
import type { MediaBucket } from './media-bucket.ts';
import type { ShardQueues } from './shard-queues.ts';

export interface ConnectorServiceProps {
  readonly environment: Readonly<Record<string, string>>;
  readonly table: Table;
  readonly queues: ShardQueues;
  readonly authState: AuthStateBucket;
  /** Where it stores inbound media. */
  readonly media: MediaBucket;
  /** Task size: CPU units (1024 = one vCPU) and memory in MiB. */
  readonly cpu: number;
  readonly memoryMiB: number;
  readonly minTasks: number;
  readonly maxTasks: number;
  /** Scale out when the tasks' average connected sessions passes this. */
  readonly sessionsPerTask: number;
  /** The connector's `SessionsConnected` gauge (Average = sessions per task). */
  readonly sessionsConnected: IMetric;
  /**
   * Scale out when a send queue's oldest message is older than this.
   * @default 60 seconds
   */
  readonly queueAgeScaleOut?: Duration;
}

/** The connector's `GET /health` port inside the task (`CONNECTOR_HEALTH_PORT`). */
const healthPort = 8080;

/**
 * The connector on ECS Fargate, in a VPC of public subnets only: each task gets a public IP and
 * reaches WhatsApp directly, so there is no NAT gateway (about $33 a month each plus data
 * processing). Nothing can connect in (no inbound rule, no load balancer); DynamoDB and S3 traffic
 * goes through free gateway endpoints. SQS, Secrets Manager and CloudWatch are reached over the
 * internet (TLS), which costs nothing extra, unlike interface endpoints (about $7 a month per AZ each).
 */
export class ConnectorService extends Construct {
  readonly vpc: Vpc;
  readonly cluster: Cluster;
  readonly service: FargateService;

  constructor(scope: Construct, id: string, props: ConnectorServiceProps) {
    super(scope, id);
    this.vpc = new Vpc(this, 'Vpc', {
      maxAzs: 2,
      natGateways: 0,
      subnetConfiguration: [{ name: 'public', subnetType: SubnetType.PUBLIC, cidrMask: 24 }],
      gatewayEndpoints: {
        dynamodb: { service: GatewayVpcEndpointAwsService.DYNAMODB },
        s3: { service: GatewayVpcEndpointAwsService.S3 },
      },
      flowLogs: {
        rejected: {
          trafficType: FlowLogTrafficType.REJECT,
          destination: FlowLogDestination.toCloudWatchLogs(new LogGroup(this, 'FlowLogs', { retention: RetentionDays.ONE_MONTH })),
        },
      },
    });
    this.cluster = new Cluster(this, 'Cluster', { vpc: this.vpc, containerInsightsV2: ContainerInsights.ENABLED });

    const taskDefinition = new FargateTaskDefinition(this, 'Task', {
      cpu: props.cpu,
      memoryLimitMiB: props.memoryMiB,
      runtimePlatform: { cpuArchitecture: CpuArchitecture.ARM64, operatingSystemFamily: OperatingSystemFamily.LINUX },
    });
    taskDefinition.addContainer('connector', {
      image: ContainerImage.fromAsset(repositoryRoot, {
        file: 'connector/Dockerfile',
        platform: Platform.LINUX_ARM64,
        // The image needs only these; everything else (node_modules, tests, .data, cdk.out) stays out of the asset.
        ignoreMode: IgnoreMode.DOCKER,
        exclude: ['*', '!package.json', '!package-lock.json', '!shared', '!connector'],
      }),
      environment: { ...props.environment, CONNECTOR_HEALTH_PORT: String(healthPort) },
      logging: LogDrivers.awsLogs({
        streamPrefix: 'connector',
        logGroup: new LogGroup(this, 'Logs', { retention: RetentionDays.ONE_MONTH }),
      }),
      healthCheck: {
        command: [
          'CMD',
          'node',
          '-e',
          `fetch('http://127.0.0.1:${healthPort}/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))`,
        ],
        interval: Duration.seconds(15),
        timeout: Duration.seconds(5),
        retries: 3,
        startPeriod: Duration.seconds(30),
      },
      // SIGTERM hands the shards over; give it time to close the sockets.
      stopTimeout: Duration.seconds(60),
    });

    Validations.of(taskDefinition).acknowledge({
      id: 'AwsSolutions-ECS2',
      reason:
        'The environment holds only names and settings (table, bucket, queue prefix, secret ARN); the secrets themselves are read from Secrets Manager at run time.',
    });
    if (taskDefinition.executionRole) {
      Validations.of(taskDefinition.executionRole).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'ecr:GetAuthorizationToken has no resource-level permissions; pulling the image needs it.',
      });
    }
    const securityGroup = new SecurityGroup(this, 'SecurityGroup', {
      vpc: this.vpc,
      description: 'WhatsApp Hub connector: no inbound; outbound to WhatsApp and AWS APIs',
      allowAllOutbound: true,
    });
    this.service = new FargateService(this, 'Service', {
      cluster: this.cluster,
      taskDefinition,
      desiredCount: props.minTasks,
      assignPublicIp: true,
      vpcSubnets: { subnetType: SubnetType.PUBLIC },
      securityGroups: [securityGroup],
      circuitBreaker: { rollback: true },
      // New tasks start before old ones stop: leases move shard by shard, never leaving one unheld.
      minHealthyPercent: 100,
      maxHealthyPercent: 200,
    });

    this.grantTaskAccess(taskDefinition, props);
    this.addAutoScaling(props);
  }

  /**
   * Its shards' queues (consume), the table, the auth state under `sessions/`, media under `media/`
   * (written as it arrives, deleted with a session the connector removes), the KMS key through those grants.
   */
  private grantTaskAccess(taskDefinition: FargateTaskDefinition, props: ConnectorServiceProps): void {
    const role = taskDefinition.taskRole;
    for (const { queue } of props.queues.all) queue.grantConsumeMessages(role);
    props.table.grantReadWriteData(role);
    props.authState.grantSessionsReadWrite(role);
    props.media.grantStore(role);
    props.media.grantDelete(role);
    // Media sent from an upload is read from the bucket instead of fetched.
    props.media.grantUploadsRead(role);
  }

  private addAutoScaling(props: ConnectorServiceProps): void {
    const scaling = this.service.autoScaleTaskCount({ minCapacity: props.minTasks, maxCapacity: props.maxTasks });
    scaling.scaleToTrackCustomMetric('SessionsPerTask', { metric: props.sessionsConnected, targetValue: props.sessionsPerTask });
    const threshold = (props.queueAgeScaleOut ?? Duration.seconds(60)).toSeconds();
    const sendQueues = props.queues.ofKind('send');
    // A metric-math alarm takes at most ten metrics: past ten shards, one policy per ten send queues.
    for (let first = 0; first < sendQueues.length; first += 10) {
      const group = sendQueues.slice(first, first + 10);
      const oldestSend = new MathExpression({
        label: `Oldest send (s), shards ${first}-${first + group.length - 1}`,
        expression: `MAX([${group.map((_, index) => `q${index}`).join(',')}])`,
        usingMetrics: Object.fromEntries(
          group.map((queue, index) => [`q${index}`, queue.metricApproximateAgeOfOldestMessage({ statistic: 'Maximum' })]),
        ),
        period: Duration.minutes(1),
      });
      scaling.scaleOnMetric(first === 0 ? 'SendQueueAge' : `SendQueueAge${first / 10 + 1}`, {
        metric: oldestSend,
        adjustmentType: AdjustmentType.CHANGE_IN_CAPACITY,
        scalingSteps: [
          { upper: threshold, change: 0 },
          { lower: threshold, change: 1 },
          { lower: threshold * 5, change: 2 },
        ],
      });
    }
  }
}
