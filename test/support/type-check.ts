import { Worker } from 'node:worker_threads';

/** Source files by name, held in memory. */
export type SourceFiles = Record<string, string>;

/**
 * Type-checks each set of in-memory files as if they sat in `folder` (so their imports resolve from
 * the project's node_modules) and answers the compiler's messages for each. It compiles in a worker
 * thread: that takes seconds, during which the caller's event loop must go on serving its sockets.
 */
export function typeCheck(folder: string, fileSets: SourceFiles[]): Promise<string[][]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./type-check-worker.ts', import.meta.url), { workerData: { folder, fileSets } });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}
