import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startLocalStack } from '../../infra/local/stack.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    apiUrl: string;
    /** The environment the local stack runs with; every test worker adopts it. */
    stackEnv: Record<string, string>;
  }
}

/** Starts the emulators and the local API once per run, on free ports, with throwaway data. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'whatsapp-hub-test-'));
  Object.assign(process.env, { STAGE: 'test', LOG_LEVEL: process.env.LOG_LEVEL ?? 'SILENT' });
  const stack = await startLocalStack({ port: 0, dataDir, ephemeral: true });

  const stackEnv = Object.fromEntries(
    Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  project.provide('apiUrl', stack.apiUrl);
  project.provide('stackEnv', stackEnv);

  return async () => {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
