import { z } from 'zod';
import { defaultConsoleDist } from './console/headers.ts';

/**
 * Every setting the service reads, as one schema over `process.env`. Lambdas, the connector and the
 * local stack all parse it once, at first use, and fail fast on a bad value.
 */
const optionalUrl = z.url().optional();
const positiveInt = z.coerce.number().int().positive();
const commaSeparated = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((value) =>
      value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    );

/** Stages deployed to AWS (the CDK app's stages): they emit metrics, and test-only settings are refused there. */
export const cloudStages = ['dev', 'prod'] as const;
export type CloudStage = (typeof cloudStages)[number];
export const isCloudStage = (stage: string): stage is CloudStage => (cloudStages as readonly string[]).includes(stage);

export const configSchema = z
  .object({
    STAGE: z.enum(['local', 'test', 'dev', 'prod']).default('local'),
    AWS_REGION: z.string().min(1).default('us-east-1'),
    LOG_LEVEL: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR', 'SILENT']).default('INFO'),

    TABLE_NAME: z.string().min(3).default('whatsapp-hub'),
    AUTH_BUCKET_NAME: z.string().min(3).default('whatsapp-hub-auth-state'),
    /** Inbound messages' media, under `media/<session id>/<message id>`. */
    MEDIA_BUCKET_NAME: z.string().min(3).default('whatsapp-hub-media'),
    QUEUE_NAME_PREFIX: z.string().min(1).default('whatsapp-hub'),
    /** Base of every queue URL: `https://sqs.<region>.amazonaws.com/<account>` in the cloud. */
    QUEUE_URL_BASE: z.url().default('http://localhost:4566/000000000000'),
    SHARD_COUNT: positiveInt.max(64).default(2),

    /** Endpoint overrides: set for the local emulators, unset in the cloud. */
    DYNAMODB_ENDPOINT: optionalUrl,
    SQS_ENDPOINT: optionalUrl,
    S3_ENDPOINT: optionalUrl,

    /** Secrets Manager secret holding the JSON secrets document (cloud). */
    SECRETS_ARN: z.string().min(1).optional(),
    /** File holding the JSON secrets document (local stack; generated once into the data folder). */
    SECRETS_FILE: z.string().min(1).optional(),
    BCRYPT_COST: z.coerce.number().int().min(10).max(15).default(10),
    /** Lifetime of an access token (JWT). */
    JWT_TTL_SECONDS: positiveInt.max(86_400).default(900),
    /** Lifetime of a refresh token family from its login. */
    REFRESH_TTL_SECONDS: positiveInt.default(30 * 86_400),

    /** How long `/session/start` waits for the connector's QR or pairing code (API Gateway allows 29 s). */
    SESSION_START_WAIT_MS: positiveInt.max(25_000).default(20_000),
    /** How long `/session/logout` waits for the connector before removing the session itself. */
    SESSION_LOGOUT_WAIT_MS: positiveInt.max(25_000).default(8_000),

    /** How long `POST /profile` waits for the connector's lookup. */
    PROFILE_WAIT_MS: positiveInt.max(25_000).default(10_000),

    /** Connector: WhatsApp's websocket; unset means the real WhatsApp. */
    WA_WEBSOCKET_URL: optionalUrl,
    /** Connector: log level of the Baileys client (pino levels). */
    WA_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
    /** Connector: how often the socket pings WhatsApp; a connection is declared lost 5 s after a missed answer. */
    WA_KEEPALIVE_INTERVAL_MS: positiveInt.default(30_000),
    /** Connector: this task's name in leases; defaults to host name and process id. */
    CONNECTOR_ID: z.string().min(1).optional(),
    CONNECTOR_HEALTH_PORT: z.coerce.number().int().min(0).max(65_535).default(8080),
    /** Connector: a shard lease lapses this long after its last renewal. */
    LEASE_TTL_MS: positiveInt.default(15_000),
    LEASE_RENEW_MS: positiveInt.default(5_000),
    /** Connector: long-poll wait of its queue consumers; also bounds how long handing over a shard's queues takes. */
    QUEUE_WAIT_SECONDS: z.coerce.number().int().min(1).max(20).default(20),
    /** Connector: how long a received queue message stays hidden; extended while it is worked on, so it bounds redelivery after a crash. */
    QUEUE_VISIBILITY_SECONDS: z.coerce.number().int().min(3).max(600).default(30),
    /** Connector: consecutive failed connection attempts before a session is marked failed. */
    RECONNECT_MAX_ATTEMPTS: positiveInt.default(6),
    RECONNECT_BASE_DELAY_MS: positiveInt.default(1_000),
    RECONNECT_MAX_DELAY_MS: positiveInt.default(30_000),

    /** Send limits per session (sliding windows: any 60 s, any hour) and per recipient per session. */
    RATE_LIMIT_PER_MINUTE: positiveInt.default(20),
    RATE_LIMIT_PER_HOUR: positiveInt.default(500),
    RATE_LIMIT_PER_RECIPIENT_PER_HOUR: positiveInt.default(10),
    /** Connector: least time between two sends of one session, plus up to SEND_JITTER_MS at random. */
    SEND_MIN_GAP_MS: z.coerce.number().int().min(0).default(2_000),
    SEND_JITTER_MS: z.coerce.number().int().min(0).default(1_000),
    /** Connector: how long a message waits for its session to (re)connect before it is retried later. */
    SEND_WAIT_FOR_CONNECTION_MS: positiveInt.default(60_000),
    /** Send attempts that WhatsApp refuses before a message is failed. */
    SEND_MAX_ATTEMPTS: positiveInt.default(3),
    /** How long inbound messages (and contacts' push names) are kept before DynamoDB's TTL deletes them. */
    INBOUND_RETENTION_DAYS: positiveInt.max(3_650).default(30),

    MAX_BODY_BYTES: positiveInt.default(1_048_576),
    CORS_ORIGINS: commaSeparated('*'),
    HEALTH_CHECK_TIMEOUT_MS: positiveInt.default(2_000),
    /** Connector and API, tests only: media URL hosts exempt from the private-address rule (never set in production). */
    MEDIA_FETCH_ALLOW_HOSTS: commaSeparated(''),
    /** Connector: inbound media larger than this is not stored; its message says so. */
    INBOUND_MEDIA_MAX_BYTES: positiveInt.default(100 * 1024 * 1024),
    /** How long the signed URL that `GET /message/media` redirects to stays valid. */
    MEDIA_URL_TTL_SECONDS: positiveInt.max(3_600).default(300),

    /** Webhooks: the delays before each retry of a failed delivery, in seconds; the last repeats (≤ 43200, SQS's longest). */
    WEBHOOK_RETRY_SCHEDULE_SECONDS: commaSeparated('5,300,1800,7200,18000,36000,43200').pipe(
      z.array(z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(1).max(43_200))).min(1),
    ),
    /** An endpoint whose every attempt failed for this long is disabled (3 days). */
    WEBHOOK_DISABLE_AFTER_SECONDS: positiveInt.default(3 * 86_400),
    /** How long one delivery waits for the receiver's answer. */
    WEBHOOK_TIMEOUT_MS: positiveInt.max(30_000).default(10_000),
    /** How long the previous secret keeps signing after a rotation. */
    WEBHOOK_SECRET_OVERLAP_SECONDS: positiveInt.default(86_400),
    /**
     * Accept http URLs and loopback or private receivers (a developer's own machine); link-local and
     * cloud metadata addresses stay refused. On under `npm start`; refused in the cloud stages.
     */
    WEBHOOK_ALLOW_PRIVATE_URLS: z.stringbool().default(false),
    /** How long events (and delivery attempts) are kept for `GET /events` and redelivery. */
    EVENT_RETENTION_DAYS: positiveInt.max(30).default(7),

    /** Local stack only. */
    PORT: z.coerce.number().int().min(0).max(65_535).default(5001),
    DATA_DIR: z.string().min(1).default('.data'),
    /** Local stack only: the web console's build, served at `/`. */
    CONSOLE_DIST: z.string().min(1).default(defaultConsoleDist),
  })
  .refine((settings) => settings.MEDIA_FETCH_ALLOW_HOSTS.length === 0 || !isCloudStage(settings.STAGE), {
    path: ['MEDIA_FETCH_ALLOW_HOSTS'],
    message: 'is for tests only and must stay empty when STAGE is dev or prod',
  })
  .refine((settings) => !settings.WEBHOOK_ALLOW_PRIVATE_URLS || !isCloudStage(settings.STAGE), {
    path: ['WEBHOOK_ALLOW_PRIVATE_URLS'],
    message: 'is for local receivers only and must stay off when STAGE is dev or prod',
  });

export type Config = z.infer<typeof configSchema>;

export function parseConfig(env: NodeJS.ProcessEnv): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  }
  return result.data;
}

let cached: Config | undefined;

/** The process's configuration, parsed from `process.env` on first use. */
export function config(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
