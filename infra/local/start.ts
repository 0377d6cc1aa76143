/**
 * `npm start`: the whole service on this machine, against local emulators, with one connector for
 * the real WhatsApp. Ctrl-C or SIGTERM stops every process it started.
 */
import { resolve } from 'node:path';
import { parseConfig } from '../../shared/config.ts';
import { runUntilSignal, stackBanner } from './cli.ts';
import { startLocalStack } from './stack.ts';

runUntilSignal(async () => {
  const { PORT, DATA_DIR } = parseConfig(process.env);
  const dataDir = resolve(DATA_DIR);
  const stack = await startLocalStack({ port: PORT, dataDir });
  return { banner: ['WhatsApp Hub is running', ...stackBanner(stack, dataDir)], stop: () => stack.stop() };
});
