import { consoleMissingMessage } from './console-files.ts';
import { LocalStackError } from './errors.ts';
import type { LocalStack } from './stack.ts';

export interface Running {
  /** Lines printed once everything is up. */
  banner: string[];
  stop(): Promise<void>;
}

/**
 * Runs a local command until Ctrl-C or SIGTERM, then stops everything it started. A failure the
 * user can fix prints as one line.
 */
export function runUntilSignal(start: () => Promise<Running>): void {
  // A signal during start-up exits at once; the 'exit' hooks of the emulators and the connector kill their processes.
  const abortStartUp = () => process.exit(1);
  process.once('SIGINT', abortStartUp);
  process.once('SIGTERM', abortStartUp);
  start().then(
    (running) => {
      process.removeListener('SIGINT', abortStartUp);
      process.removeListener('SIGTERM', abortStartUp);
      console.log(['', ...running.banner, 'Press Ctrl-C to stop.', ''].join('\n'));
      stopOnSignals(() => running.stop());
    },
    (error: unknown) => {
      const known = error instanceof Error && (error instanceof LocalStackError || error.message.startsWith('Invalid configuration'));
      console.error(`whatsapp-hub: ${known ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}

/** Where the local stack's parts answer. */
export function stackBanner(stack: LocalStack, dataDir: string): string[] {
  return [
    `  Console   ${stack.consoleUrl ?? consoleMissingMessage}`,
    `  API       ${stack.apiUrl}`,
    `  Health    ${stack.apiUrl}/health`,
    `  Docs      ${stack.apiUrl}/api-docs/ui`,
    `  Data      ${dataDir}`,
    `  DynamoDB  ${stack.endpoints.dynamodb}   SQS  ${stack.endpoints.sqs}   S3  ${stack.endpoints.s3}`,
    `  Connector ${stack.connector ? `pid ${stack.connector.pid}` : 'not running'}`,
  ];
}

function stopOnSignals(stop: () => Promise<void>): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('whatsapp-hub: failed to stop cleanly:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
