/**
 * Runs the simulator on its own: `node test/wa-sim/main.ts` (Node 24). Ports come from
 * WA_SIM_PORT, WA_SIM_CONTROL_PORT and WA_SIM_MEDIA_PORT (free ports when unset); WA_SIM_CA_FILE,
 * when set, receives the media host's CA certificate (for NODE_EXTRA_CA_CERTS elsewhere).
 */
import { z } from 'zod';
import { startControlApi } from './control-api.ts';
import { startSimulator } from './simulator.ts';

const port = z.coerce.number().int().min(0).max(65535).default(0);
const config = z
  .object({
    WA_SIM_PORT: port,
    WA_SIM_CONTROL_PORT: port,
    WA_SIM_MEDIA_PORT: port,
    WA_SIM_CA_FILE: z.string().min(1).optional(),
  })
  .parse(process.env);

const sim = await startSimulator({ port: config.WA_SIM_PORT, mediaPort: config.WA_SIM_MEDIA_PORT });
const control = await startControlApi(sim, config.WA_SIM_CONTROL_PORT);
if (config.WA_SIM_CA_FILE) await sim.writeCaPem(config.WA_SIM_CA_FILE);

process.stdout.write(
  [
    'WhatsApp simulator running',
    `  websocket (waWebSocketUrl): ${sim.wsUrl}`,
    `  control API:                ${control.url}`,
    `  media host (HTTPS):         ${sim.mediaUrl}`,
    `  media CA certificate:       ${config.WA_SIM_CA_FILE ?? `${control.url}/ca.pem`}`,
    '',
    'Clients must trust the simulator: node --import ./test/wa-sim/trust-root.ts <entry>',
    'Scan a QR a client shows, as the phone +15550001111:',
    `  curl -s -X POST ${control.url}/qr/scan -H 'content-type: application/json' \\`,
    `       -d '{"qr":"<the QR string>","phone":"15550001111"}'`,
    '',
  ].join('\n'),
);

const shutdown = async () => {
  await control.close();
  await sim.stop();
  process.exit(0);
};
process.once('SIGINT', () => void shutdown());
process.once('SIGTERM', () => void shutdown());
