import { mkdirSync } from 'node:fs';
import S3rver from 's3rver';
import type { Emulator } from './emulator.ts';

/** The access key s3rver checks request signatures against. */
export const s3EmulatorCredentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

/** Starts the in-process S3 emulator, storing objects as files under `directory`. */
export async function startS3(directory: string): Promise<Emulator> {
  mkdirSync(directory, { recursive: true });
  const server = new S3rver({ port: 0, address: '127.0.0.1', directory, silent: true });
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: () => server.close(),
  };
}
