import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { inject } from 'vitest';
import { startApiServer } from '../../infra/local/api-server.ts';
import { startConnectorProcess, type ConnectorProcess } from '../../infra/local/connector-process.ts';
import { freePort } from '../../infra/local/ports.ts';
import { provision } from '../../infra/local/provision.ts';
import { newSessionId } from '../../shared/ids.ts';
import { routeList } from '../../shared/routes.ts';
import { createSession } from '../../shared/sessions/repository.ts';
import { api } from './http.ts';

export interface IsolatedStack {
  apiUrl: string;
  connectors: ConnectorProcess[];
  /** Starts a connector pointed at the simulator; `env` overrides its settings. */
  startConnector(env?: Record<string, string>): Promise<ConnectorProcess>;
  stop(): Promise<void>;
}

/**
 * A stack of its own inside the shared emulators: its own table, queues and buckets, an API server
 * in this worker and connector processes pointed at the shared simulator. For tests that stop,
 * kill or add connectors without disturbing the shared one. Call it before anything in the file
 * reads the configuration.
 */
export async function startIsolatedStack(options: { shardCount: number; env?: Record<string, string> }): Promise<IsolatedStack> {
  const name = `iso-${randomUUID().slice(0, 8)}`;
  const own = {
    ...options.env,
    TABLE_NAME: name,
    QUEUE_NAME_PREFIX: name,
    AUTH_BUCKET_NAME: name,
    MEDIA_BUCKET_NAME: `${name}-media`,
    SHARD_COUNT: String(options.shardCount),
  };
  // Later test files in this worker must see the shared stack again.
  const previous = Object.fromEntries(Object.keys(own).map((key) => [key, process.env[key]]));
  const restoreEnv = () => {
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
  Object.assign(process.env, own);
  const env = process.env;
  const region = env.AWS_REGION ?? 'us-east-1';
  const credentials = { accessKeyId: env.AWS_ACCESS_KEY_ID ?? '', secretAccessKey: env.AWS_SECRET_ACCESS_KEY ?? '' };
  const clients = {
    dynamo: new DynamoDBClient({ region, endpoint: env.DYNAMODB_ENDPOINT, credentials }),
    sqs: new SQSClient({ region, endpoint: env.SQS_ENDPOINT, credentials }),
    s3: new S3Client({ region, endpoint: env.S3_ENDPOINT, credentials, forcePathStyle: true }),
  };
  await provision(clients, {
    tableName: name,
    queuePrefix: name,
    shardCount: options.shardCount,
    bucketNames: [own.AUTH_BUCKET_NAME, own.MEDIA_BUCKET_NAME],
  });
  Object.values(clients).forEach((client) => client.destroy());

  const api = await startApiServer({ routes: routeList, port: 0, maxBodyBytes: 1_048_576 });
  const { env: simEnv, nodeArgs } = inject('simConnector');
  const connectors: ConnectorProcess[] = [];
  const startConnector = async (env: Record<string, string> = {}) => {
    const connector = await startConnectorProcess({ env: { ...process.env, ...simEnv, ...env }, nodeArgs, healthPort: await freePort() });
    connectors.push(connector);
    return connector;
  };
  return {
    apiUrl: api.url,
    connectors,
    startConnector,
    stop: async () => {
      await Promise.all(connectors.map((connector) => connector.kill()));
      await api.close();
      restoreEnv();
    },
  };
}

/**
 * A user registered on `stack` with a session stored as `connected` on shard 0, though no connector
 * holds it: for what an isolated stack without a connector answers.
 */
export async function userWithStoredSession(
  stack: IsolatedStack,
  name: string,
  phoneNumber: string,
): Promise<{ id: number; apiKey: string }> {
  const registered = await api('/auth/register', {
    body: { email: `${name}-${randomUUID().slice(0, 8)}@example.com`, password: 'SecurePass123' },
    baseUrl: stack.apiUrl,
  });
  const user = registered.body.data.user as { id: number; apiKey: string };
  const now = new Date().toISOString();
  await createSession({
    sessionId: newSessionId(),
    name,
    userId: user.id,
    phoneNumber,
    shard: 0,
    status: 'connected',
    method: 'qr',
    createdAt: now,
    updatedAt: now,
  });
  return user;
}
