import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { config, parseConfig } from '../../shared/config.ts';
import { logger } from '../../shared/logger.ts';
import { routeList } from '../../shared/routes.ts';
import { mediaBucketCorsRule } from '../../shared/console/headers.ts';
import { startApiServer, type ApiServer } from './api-server.ts';
import { consoleFiles } from './console-files.ts';
import { startConnectorProcess, type ConnectorProcess } from './connector-process.ts';
import { startLocalJobs } from './jobs.ts';
import { startDynamoDb } from './emulators/dynamodb.ts';
import type { Emulator } from './emulators/emulator.ts';
import { s3EmulatorCredentials, startS3 } from './emulators/s3.ts';
import { startSqs, type SqsEmulator } from './emulators/sqs.ts';
import { assertPortFree, freePort } from './ports.ts';
import { checkDataLayout } from './data-layout.ts';
import { provision } from './provision.ts';
import { ensureLocalSecrets } from './secrets.ts';
import { removeStackFile, writeStackFile } from './stack-file.ts';
import { startWebhookRuntime } from './webhook-runtime.ts';

export interface LocalStackOptions {
  /** API port; 0 picks a free one. */
  port: number;
  /** Folder for DynamoDB and S3 data. */
  dataDir: string;
  /** Keep DynamoDB in memory (tests); S3 still writes under `dataDir`. */
  ephemeral?: boolean;
  /** Run the scheduled jobs on their schedules (default true; tests run them by hand). */
  jobs?: boolean;
  /** The connector to run beside the API; `false` runs none. Defaults to one against the real WhatsApp. */
  connector?: false | { env?: Record<string, string>; nodeArgs?: string[] };
  /** Run the webhook Lambdas on the table's stream and the delivery queue (default true). */
  webhooks?: boolean;
  /** The web console's build, served at `/`. Defaults to `CONSOLE_DIST` (`console/dist`). */
  consoleDist?: string;
}

export interface LocalStack {
  apiUrl: string;
  /** Where the web console answers, or undefined when it is not built (`/` then says how to build it). */
  consoleUrl: string | undefined;
  /** The running connector, if any. */
  connector: ConnectorProcess | undefined;
  endpoints: { dynamodb: string; sqs: string; s3: string };
  stop(): Promise<void>;
}

/**
 * Starts the emulators, points this process's configuration at them, creates the resources from
 * the shared definitions and serves the API. Everything started is stopped again on failure.
 */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  if (options.port !== 0) await assertPortFree(options.port, 'API');
  // Chosen now: the media bucket's CORS rule names the console's origin, which is the API's.
  const port = options.port || (await freePort());
  mkdirSync(options.dataDir, { recursive: true });

  const started = await Promise.allSettled([
    startDynamoDb({ dataDir: options.ephemeral ? undefined : join(options.dataDir, 'dynamodb') }),
    startSqs(parseConfig(process.env).AWS_REGION),
    startS3(join(options.dataDir, 's3')),
  ]);
  const emulators = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failure = started.find((result) => result.status === 'rejected');
  if (failure) {
    await stopAll(emulators);
    throw failure.reason;
  }
  const [dynamodb, sqs, s3] = emulators as [Emulator, SqsEmulator, Emulator];

  let connector: ConnectorProcess | undefined;
  let api: ApiServer | undefined;
  let jobs: ReturnType<typeof startLocalJobs> | undefined;
  let webhooks: Awaited<ReturnType<typeof startWebhookRuntime>> | undefined;
  // Stops whatever has started so far: the whole stack on `stop()`, a part of it on a failure.
  const stopStarted = async () => {
    jobs?.stop();
    await api?.close();
    await connector?.stop();
    await webhooks?.stop();
    await stopAll(emulators);
  };
  try {
    // Read by `config()` and the SDK's credential chain; set before anything parses the config.
    Object.assign(process.env, {
      DYNAMODB_ENDPOINT: dynamodb.endpoint,
      SQS_ENDPOINT: sqs.endpoint,
      QUEUE_URL_BASE: sqs.queueUrlBase,
      S3_ENDPOINT: s3.endpoint,
      AWS_ACCESS_KEY_ID: s3EmulatorCredentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: s3EmulatorCredentials.secretAccessKey,
      SECRETS_FILE: ensureLocalSecrets(options.dataDir),
      // A developer's webhook receiver runs on their own machine, over http.
      WEBHOOK_ALLOW_PRIVATE_URLS: process.env.WEBHOOK_ALLOW_PRIVATE_URLS ?? 'true',
    });
    const settings = config();
    if (settings.DYNAMODB_ENDPOINT !== dynamodb.endpoint) {
      throw new Error('The configuration was parsed before the local stack set its endpoints: something read config() at import time');
    }
    const region = settings.AWS_REGION;
    const credentials = s3EmulatorCredentials;
    const clients = {
      dynamo: new DynamoDBClient({ region, endpoint: dynamodb.endpoint, credentials }),
      sqs: new SQSClient({ region, endpoint: sqs.endpoint, credentials }),
      s3: new S3Client({ region, endpoint: s3.endpoint, credentials, forcePathStyle: true }),
    };
    try {
      await provision(clients, {
        tableName: settings.TABLE_NAME,
        queuePrefix: settings.QUEUE_NAME_PREFIX,
        shardCount: settings.SHARD_COUNT,
        bucketNames: [settings.AUTH_BUCKET_NAME, settings.MEDIA_BUCKET_NAME],
        cors: {
          bucketName: settings.MEDIA_BUCKET_NAME,
          rule: mediaBucketCorsRule([`http://localhost:${port}`, `http://127.0.0.1:${port}`]),
        },
      });
      await checkDataLayout(clients.dynamo, settings.TABLE_NAME, options.dataDir);
    } finally {
      Object.values(clients).forEach((client) => client.destroy());
    }
    if (settings.WEBHOOK_ALLOW_PRIVATE_URLS) {
      logger().info(
        'Webhooks: http and loopback receivers are accepted locally (WEBHOOK_ALLOW_PRIVATE_URLS); link-local and metadata addresses stay refused',
      );
    }

    // Before anything writes, though the stream would keep those records for it anyway.
    webhooks = options.webhooks === false ? undefined : await startWebhookRuntime(options.dataDir);

    connector =
      options.connector === false
        ? undefined
        : await startConnectorProcess({
            // Short long-polls locally, so Ctrl-C never waits on one.
            env: { QUEUE_WAIT_SECONDS: '2', ...process.env, ...options.connector?.env },
            nodeArgs: options.connector?.nodeArgs,
            healthPort: await freePort(),
          });
    const consoleDist = resolve(options.consoleDist ?? settings.CONSOLE_DIST);
    api = await startApiServer({
      routes: routeList,
      port,
      maxBodyBytes: settings.MAX_BODY_BYTES,
      // Uploads and media go to the bucket itself, path-style locally: its origin is the emulator's.
      consoleFiles: consoleFiles({ distDir: consoleDist, mediaOrigin: s3.endpoint }),
    });
    jobs = options.jobs === false ? undefined : startLocalJobs();
    writeStackFile(options.dataDir, { apiUrl: api.url, env: stackEnv() });
    return {
      apiUrl: api.url,
      consoleUrl: existsSync(join(consoleDist, 'index.html')) ? `${api.url}/` : undefined,
      connector,
      endpoints: { dynamodb: dynamodb.endpoint, sqs: sqs.endpoint, s3: s3.endpoint },
      stop: async () => {
        removeStackFile(options.dataDir);
        await stopStarted();
      },
    };
  } catch (error) {
    await stopStarted();
    throw error;
  }
}

/** The settings another process needs to use this stack's emulators. */
function stackEnv(): Record<string, string> {
  const names = [
    'AWS_REGION',
    'TABLE_NAME',
    'AUTH_BUCKET_NAME',
    'MEDIA_BUCKET_NAME',
    'QUEUE_NAME_PREFIX',
    'QUEUE_URL_BASE',
    'SHARD_COUNT',
    'DYNAMODB_ENDPOINT',
    'SQS_ENDPOINT',
    'S3_ENDPOINT',
    'AWS_ACCESS_KEY_ID',
    'AWS_SECRET_ACCESS_KEY',
    'SECRETS_FILE',
    'WEBHOOK_ALLOW_PRIVATE_URLS',
  ];
  const settings = config();
  return Object.fromEntries(names.map((name) => [name, String(process.env[name] ?? settings[name as keyof typeof settings])]));
}

async function stopAll(emulators: Emulator[]): Promise<void> {
  await Promise.allSettled(emulators.map((emulator) => emulator.stop()));
}
