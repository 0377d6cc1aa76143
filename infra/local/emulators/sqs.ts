import { startFauxqs } from 'fauxqs';
import type { Emulator } from './emulator.ts';

export interface SqsEmulator extends Emulator {
  /** Queue URLs are this base plus the queue name. */
  queueUrlBase: string;
}

/**
 * Starts the in-process SQS emulator (FIFO groups and deduplication included). Its state lives in memory.
 * It checks message characters as SQS does only with `patches/fauxqs+*.patch` (applied by `npm install`):
 * unpatched, it refuses every character beyond the Basic Multilingual Plane, so any emoji.
 */
export async function startSqs(region: string): Promise<SqsEmulator> {
  const server = await startFauxqs({ port: 0, logger: false, defaultRegion: region });
  return {
    endpoint: `http://127.0.0.1:${server.port}`,
    // The emulator names queues by an AWS-style host; clients still reach it through `endpoint`.
    queueUrlBase: `http://sqs.${region}.localhost:${server.port}/000000000000`,
    stop: () => server.stop(),
  };
}
