import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { queueUrl } from '../shared/aws-clients.ts';
import { config } from '../shared/config.ts';
import { logger } from '../shared/logger.ts';
import * as messages from '../shared/messages/repository.ts';
import { reportConnector } from '../shared/metrics-emitter.ts';
import { controlMessageSchema } from '../shared/queues/control.ts';
import { getSession } from '../shared/sessions/repository.ts';
import { startHealthServer } from './health-server.ts';
import { LeaseManager } from './leases/lease-manager.ts';
import { QueuePoller } from './queues/queue-poller.ts';
import { SendWorker } from './sending/send-worker.ts';
import { applyTargetChange } from './sending/target-change.ts';
import { SessionHost } from './sessions/session-host.ts';
import { socketFactory } from './sessions/socket-factory.ts';

export interface Connector {
  taskId: string;
  healthPort: number;
  /** Graceful: stops taking work, closes sockets without logging out, flushes auth state, releases leases. */
  stop(): Promise<void>;
}

/** Messages of one shard in hand at once: sessions are paced independently, so many wait side by side. */
const sendConcurrency = 100;

/** Composes the connector's parts: leases decide which shards' sessions and queues this task serves. */
export async function startConnector(): Promise<Connector> {
  const settings = config();
  const taskId = settings.CONNECTOR_ID ?? `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  const pollers = new Map<number, QueuePoller[]>();
  const stoppingPollers = new Set<Promise<void>>();

  const host = new SessionHost({
    openSocket: socketFactory({
      webSocketUrl: settings.WA_WEBSOCKET_URL,
      logLevel: settings.WA_LOG_LEVEL,
      keepAliveIntervalMs: settings.WA_KEEPALIVE_INTERVAL_MS,
    }),
    // Called only once leases are running (a shard's sessions start on its acquisition).
    fenceOf: (shard) => leases.fenceOf(shard),
    settings: {
      maxAttempts: settings.RECONNECT_MAX_ATTEMPTS,
      baseDelayMs: settings.RECONNECT_BASE_DELAY_MS,
      maxDelayMs: settings.RECONNECT_MAX_DELAY_MS,
    },
  });

  const sends = new SendWorker({
    store: {
      getMessage: messages.getMessage,
      transition: messages.transition,
      advance: messages.advance,
      getSession,
      changeTarget: applyTargetChange,
    },
    waitForSender: (sessionId, timeoutMs, signal) => host.waitForSender(sessionId, timeoutMs, signal),
    minGapMs: settings.SEND_MIN_GAP_MS,
    jitterMs: settings.SEND_JITTER_MS,
    waitForConnectionMs: settings.SEND_WAIT_FOR_CONNECTION_MS,
    maxAttempts: settings.SEND_MAX_ATTEMPTS,
    mediaAllowHosts: settings.MEDIA_FETCH_ALLOW_HOSTS,
  });

  const leases: LeaseManager = new LeaseManager({
    taskId,
    shardCount: settings.SHARD_COUNT,
    ttlMs: settings.LEASE_TTL_MS,
    renewMs: settings.LEASE_RENEW_MS,
    onAcquired: async (lease) => {
      void host.adoptShard(lease).catch((error: unknown) => logger().error('Shard takeover failed', { shard: lease.shard, error }));
      const shardPollers = [
        new QueuePoller(queueUrl('control', lease.shard), (body) => host.handleControl(controlMessageSchema.parse(JSON.parse(body))), {
          waitSeconds: settings.QUEUE_WAIT_SECONDS,
          concurrency: 1,
          visibilityTimeoutSeconds: settings.QUEUE_VISIBILITY_SECONDS,
          retryDelaySeconds: 5,
        }),
        new QueuePoller(queueUrl('send', lease.shard), (body, signal) => sends.handle(body, signal), {
          waitSeconds: settings.QUEUE_WAIT_SECONDS,
          concurrency: sendConcurrency,
          visibilityTimeoutSeconds: settings.QUEUE_VISIBILITY_SECONDS,
          retryDelaySeconds: 10,
        }),
      ];
      pollers.set(lease.shard, shardPollers);
      for (const poller of shardPollers) poller.start();
    },
    onLost: async (shard) => {
      // Sockets close at once; the shard's queues hand back what they hold in the background.
      const shardPollers = pollers.get(shard) ?? [];
      pollers.delete(shard);
      for (const poller of shardPollers) {
        const stopped: Promise<void> = poller.stop().finally(() => stoppingPollers.delete(stopped));
        stoppingPollers.add(stopped);
      }
      await host.dropShard(shard);
    },
  });

  const health = await startHealthServer(settings.CONNECTOR_HEALTH_PORT, () => ({
    healthy: leases.healthy(),
    body: { connectorId: taskId, shards: leases.heldShards(), sessions: host.counts() },
  }));
  await leases.start();
  const report = setInterval(() => reportConnector(host.counts().connected), 60_000);
  logger().info('Connector started', { taskId, healthPort: health.port, shards: leases.heldShards() });

  return {
    taskId,
    healthPort: health.port,
    stop: async () => {
      clearInterval(report);
      await leases.stop();
      await Promise.all(stoppingPollers);
      await health.close();
    },
  };
}
