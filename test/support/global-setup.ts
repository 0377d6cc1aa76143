import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startLocalStack } from '../../infra/local/stack.ts';
import { startControlApi } from '../wa-sim/control-api.ts';
import { startSimulator } from '../wa-sim/simulator.ts';
import { simulatorConnectorSettings } from './simulator-connector.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    apiUrl: string;
    /** The WhatsApp simulator's HTTP control API (scan QRs, read what contacts received, kick sessions). */
    simControlUrl: string;
    /** What a connector process needs to reach the simulator. */
    simConnector: { env: Record<string, string>; nodeArgs: string[] };
    /** The environment the local stack runs with; every test worker adopts it. */
    stackEnv: Record<string, string>;
  }
}

/**
 * Starts, once per run and on free ports: the WhatsApp simulator, the emulators, the local API and
 * one connector process pointed at the simulator, all with throwaway data.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'whatsapp-hub-test-'));
  Object.assign(process.env, {
    STAGE: 'test',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'SILENT',
    LEASE_TTL_MS: '3000',
    LEASE_RENEW_MS: '1000',
    // A socket counts as lost keepalive + 5 s after a silent ping: with 1.5 s, a heavy neighbour file (a second stack
    // starting, esbuild bundling) stalled a process long enough on 2 cores to drop the shared connector's sockets.
    WA_KEEPALIVE_INTERVAL_MS: '10000',
    RECONNECT_BASE_DELAY_MS: '300',
    QUEUE_WAIT_SECONDS: '1',
    // Pacing shortened for tests; the media allow-list lets the connector fetch from the tests' own loopback server.
    SEND_MIN_GAP_MS: '150',
    SEND_JITTER_MS: '50',
    MEDIA_FETCH_ALLOW_HOSTS: '127.0.0.1',
    // Webhooks: retries within seconds, a receiver that hangs given up quickly, a rotation's overlap a test can outlast.
    WEBHOOK_RETRY_SCHEDULE_SECONDS: '1,1,2',
    WEBHOOK_TIMEOUT_MS: '2000',
    WEBHOOK_SECRET_OVERLAP_SECONDS: '4',
  });
  const sim = await startSimulator();
  const control = await startControlApi(sim);
  const simConnector = await simulatorConnectorSettings(sim, dataDir);
  const stack = await startLocalStack({ port: 0, dataDir, ephemeral: true, connector: simConnector, jobs: false }).catch(
    async (error: unknown) => {
      await control.close();
      await sim.stop();
      throw error;
    },
  );

  const stackEnv = Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined));
  project.provide('apiUrl', stack.apiUrl);
  project.provide('simControlUrl', control.url);
  project.provide('simConnector', simConnector);
  project.provide('stackEnv', stackEnv);

  return async () => {
    await stack.stop();
    await control.close();
    await sim.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
