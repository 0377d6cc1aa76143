/**
 * The connector process, the same on ECS Fargate and locally: holds shard leases, keeps the
 * WhatsApp sockets of their sessions open and serves their queues. SIGTERM stops it gracefully.
 */
import { logger } from '../shared/logger.ts';
import { startConnector } from './connector.ts';

const connector = await startConnector();

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger().info('Connector stopping', { signal });
    connector.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger().error('Connector did not stop cleanly', { error });
        process.exit(1);
      },
    );
  });
}
