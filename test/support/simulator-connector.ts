import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SimulatorEndpoint } from '../wa-sim/harness.ts';

type Simulator = SimulatorEndpoint & { writeCaPem(path: string): Promise<string> };

/** Node flags and settings that point a connector process at a simulator (test-only trust root, media CA). */
export async function simulatorConnectorSettings(
  sim: Simulator,
  dataDir: string,
): Promise<{ env: Record<string, string>; nodeArgs: string[] }> {
  const caFile = await sim.writeCaPem(join(dataDir, 'wa-sim-ca.pem'));
  return {
    nodeArgs: ['--import', pathToFileURL(new URL('../wa-sim/trust-root.ts', import.meta.url).pathname).href],
    env: { WA_WEBSOCKET_URL: sim.wsUrl, NODE_EXTRA_CA_CERTS: caFile, WA_LOG_LEVEL: 'silent' },
  };
}
