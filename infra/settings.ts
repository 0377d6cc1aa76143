import { z } from 'zod';
import { cloudStages, type CloudStage } from '../shared/config.ts';
import { defaultConsoleDist } from '../shared/console/headers.ts';

/**
 * What an operator chooses per deployment, from CDK context (`cdk.json` or `-c key=value`). Every
 * default lives here and nowhere else.
 */
export interface HubSettings {
  /**
   * Deployment stage: names the queues and the API stage; `prod` retains data on teardown, turns
   * on deletion protection and runs at least two connector tasks.
   * @default 'dev'
   */
  readonly stage: CloudStage;
  /**
   * Connector shards: each has a send and a control queue and is held by one task at a time.
   * Sessions keep the shard they were created on.
   * @default 4
   */
  readonly shardCount: number;
  /**
   * Connector task CPU units (1024 = one vCPU).
   * @default 512
   */
  readonly connectorCpu: number;
  /**
   * Connector task memory in MiB.
   * @default 1024
   */
  readonly connectorMemoryMiB: number;
  /**
   * Fewest connector tasks.
   * @default 2 in prod, 1 otherwise
   */
  readonly connectorMinTasks: number;
  /**
   * Most connector tasks; more tasks than shards would hold nothing.
   * @default shardCount
   */
  readonly connectorMaxTasks: number;
  /**
   * Connected sessions per task the connector scales towards.
   * @default 200
   */
  readonly sessionsPerTask: number;
  /**
   * Address subscribed to the alarm topic (it must confirm the subscription).
   * @default no subscription
   */
  readonly alarmEmail?: string;
  /**
   * Origins allowed to call the API from a browser; `*` alone allows any.
   * @default ['*']
   */
  readonly allowedOrigins: readonly string[];
  /**
   * Log level of the Lambdas and the connector.
   * @default 'INFO'
   */
  readonly logLevel: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  /**
   * API stage throttling: steady requests per second, and the burst above it.
   * @default 100 and 200
   */
  readonly apiRateLimit: number;
  readonly apiBurstLimit: number;
  /**
   * WAF rate-based rule: requests per client IP per 5 minutes before it is answered 429.
   * @default 2000
   */
  readonly wafRequestsPer5Minutes: number;
  /**
   * The p99 API latency (ms) that raises an alarm. `/session/start` legitimately waits up to 20 s.
   * @default 10000
   */
  readonly latencyP99AlarmMs: number;
  /**
   * Most webhook delivery Lambdas running at once (each delivers a batch of up to 10 in parallel).
   * Leave room for the API within the account's Lambda concurrency (1000 by default).
   * @default 100
   */
  readonly webhookDeliveryConcurrency: number;
  /**
   * The web console's build (`npm run console:build`), deployed behind CloudFront; relative to the
   * repository root.
   * @default 'console/dist'
   */
  readonly consoleDist: string;
}

const origins = z
  .union([z.array(z.string()), z.string().transform((value) => value.split(','))])
  .transform((list) => list.map((origin) => origin.trim()).filter(Boolean));

/** The most shards one stack holds. */
export const maxShardCount = 10;

// Context values given with `-c` arrive as strings, hence the coercion.
const contextSchema = z.object({
  stage: z.enum(cloudStages).default('dev'),
  // Each shard costs 8 resources (two queues, two DLQs, their policies): 10 is the most that fits in
  // CloudFormation's 500 beside the rest (496 at 10, the console's nested stack included; the tests synthesize it).
  shardCount: z.coerce
    .number()
    .int()
    .min(1)
    .max(maxShardCount, { error: `at most ${maxShardCount}: more would pass CloudFormation's 500 resources in the stack` })
    .default(4),
  connectorCpu: z.coerce.number().int().default(512),
  connectorMemoryMiB: z.coerce.number().int().default(1024),
  connectorMinTasks: z.coerce.number().int().min(1).optional(),
  connectorMaxTasks: z.coerce.number().int().min(1).optional(),
  sessionsPerTask: z.coerce.number().int().positive().default(200),
  alarmEmail: z.email().optional(),
  allowedOrigins: origins.default(['*']),
  logLevel: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR']).default('INFO'),
  apiRateLimit: z.coerce.number().positive().default(100),
  apiBurstLimit: z.coerce.number().int().positive().default(200),
  wafRequestsPer5Minutes: z.coerce.number().int().min(10).default(2000),
  latencyP99AlarmMs: z.coerce.number().positive().default(10_000),
  // Lambda's bounds for an SQS event source's maximum concurrency.
  webhookDeliveryConcurrency: z.coerce.number().int().min(2).max(1000).default(100),
  consoleDist: z.string().min(1).default(defaultConsoleDist),
});

/** The settings from a context lookup (`node.tryGetContext`); a bad value stops synthesis naming it. */
export function resolveSettings(context: (key: string) => unknown): HubSettings {
  const raw = Object.fromEntries(Object.keys(contextSchema.shape).map((key) => [key, context(key)]));
  const parsed = contextSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`Invalid CDK context: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  }
  const { connectorMinTasks, connectorMaxTasks, ...settings } = parsed.data;
  const minTasks = connectorMinTasks ?? (settings.stage === 'prod' ? 2 : 1);
  return {
    ...settings,
    connectorMinTasks: minTasks,
    connectorMaxTasks: Math.max(minTasks, connectorMaxTasks ?? settings.shardCount),
  };
}
