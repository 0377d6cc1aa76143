import { mkdirSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import S3rver from 's3rver';
import type { Emulator } from './emulator.ts';

/** The access key s3rver checks request signatures against. */
export const s3EmulatorCredentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

/** Starts the in-process S3 emulator, storing objects as files under `directory`. */
export async function startS3(directory: string): Promise<Emulator> {
  mkdirSync(directory, { recursive: true });
  const server = new S3rver({ port: 0, address: '127.0.0.1', directory, silent: true });
  answerHeadBucketFromItsFolder(server, directory);
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: () => server.close(),
  };
}

/**
 * s3rver serves HEAD of a bucket with its GET handler: a ListObjects that walks the bucket's files
 * with synchronous fs calls and reads each object's metadata, on this process's event loop. So
 * HeadBucket (what `/health` probes) would cost time in proportion to the auth state stored; S3
 * answers it from the bucket alone, and so does this, as s3rver's store decides existence: a folder.
 */
function answerHeadBucketFromItsFolder(server: S3rver, directory: string): void {
  const s3rverCallback = server.callback.bind(server);
  server.callback = () => {
    const s3rverHandler = s3rverCallback();
    return (request, response) => {
      const bucket = headBucketName(request);
      if (bucket === undefined) return s3rverHandler(request, response);
      void isFolder(join(directory, bucket)).then((exists) => {
        response.statusCode = exists ? 200 : 404;
        response.end();
      });
    };
  };
}

// A valid bucket name only, so the folder it is looked up in stays under the emulator's directory.
const bucketPath = /^\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])\/?$/;

/** The bucket a path-style HeadBucket names (`HEAD /<bucket>`), else undefined; anything else is s3rver's to answer. */
function headBucketName(request: { method?: string; url?: string }): string | undefined {
  if (request.method !== 'HEAD') return undefined;
  const url = new URL(request.url ?? '/', 'http://localhost');
  return url.search === '' ? bucketPath.exec(url.pathname)?.[1] : undefined;
}

function isFolder(path: string): Promise<boolean> {
  return stat(path).then(
    (found) => found.isDirectory(),
    () => false,
  );
}
