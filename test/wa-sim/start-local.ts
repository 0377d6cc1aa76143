/**
 * `npm run start:sim`: the whole local stack with its connector pointed at the WhatsApp simulator
 * instead of WhatsApp, so anyone can link a "phone" and send messages without one. Test tooling:
 * it lives beside the simulator, and its data stays apart from `npm start`'s.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runUntilSignal, stackBanner } from '../../infra/local/cli.ts';
import { startLocalStack } from '../../infra/local/stack.ts';
import { parseConfig } from '../../shared/config.ts';
import { simulatorConnectorSettings } from '../support/simulator-connector.ts';
import { startControlApi } from './control-api.ts';
import { demoBanner, demoContact } from './demo.ts';
import { startSimulator } from './simulator.ts';

const port = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);

runUntilSignal(async () => {
  // The demo sends a dozen messages to one contact, past the 10 an hour per recipient a real number
  // is allowed by default: the simulated one takes 100, unless the setting says otherwise.
  process.env.RATE_LIMIT_PER_RECIPIENT_PER_HOUR ??= '100';
  const { PORT, DATA_DIR } = parseConfig(process.env);
  const dataDir = join(resolve(DATA_DIR), 'sim');
  mkdirSync(dataDir, { recursive: true });
  const sim = await startSimulator({ port: port('WA_SIM_PORT'), mediaPort: port('WA_SIM_MEDIA_PORT') });
  sim.addContact(demoContact);
  const control = await startControlApi(sim, port('WA_SIM_CONTROL_PORT'));
  const stopSimulator = async () => {
    await control.close();
    await sim.stop();
  };
  const stack = await startLocalStack({ port: PORT, dataDir, connector: await simulatorConnectorSettings(sim, dataDir) }).catch(
    async (error: unknown) => {
      await stopSimulator();
      throw error;
    },
  );
  return {
    banner: [
      'WhatsApp Hub is running against the WhatsApp simulator',
      ...stackBanner(stack, dataDir),
      `  Simulator ${control.url}   (control API: test/wa-sim/README.md)`,
      '',
      ...demoBanner({ api: stack.apiUrl, simulator: control.url }),
    ],
    stop: async () => {
      await stack.stop();
      await stopSimulator();
    },
  };
});
