/**
 * `npm start`: the whole service on this machine, against local emulators. Ctrl-C or SIGTERM stops
 * every process it started.
 */
import { resolve } from 'node:path';
import { parseConfig } from '../../shared/config.ts';
import { LocalStackError } from './errors.ts';
import { startLocalStack, type LocalStack } from './stack.ts';

async function main(): Promise<void> {
  const { PORT, DATA_DIR } = parseConfig(process.env);
  const dataDir = resolve(DATA_DIR);
  const stack = await startLocalStack({ port: PORT, dataDir });
  stopOnSignals(stack);
  console.log(
    [
      '',
      'WhatsApp Hub is running',
      `  API       ${stack.apiUrl}`,
      `  Health    ${stack.apiUrl}/health`,
      `  Data      ${dataDir}`,
      `  DynamoDB  ${stack.endpoints.dynamodb}   SQS  ${stack.endpoints.sqs}   S3  ${stack.endpoints.s3}`,
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
}

function stopOnSignals(stack: LocalStack): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    stack.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('whatsapp-hub: failed to stop cleanly:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const known = error instanceof LocalStackError || (error instanceof Error && error.message.startsWith('Invalid configuration'));
  console.error(`whatsapp-hub: ${known ? (error as Error).message : error}`);
  process.exit(1);
});
