import { createCipheriv, createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface MediaServer {
  url: string;
  /** Paths requested so far. */
  hits: string[];
  close(): Promise<void>;
}

/**
 * A file to serve: fixed bytes, or `size` bytes made on the fly by `generatedBody(path, size)`,
 * with their Content-Length unless `undeclared` (then chunked, as a server that does not know it).
 */
export type ServedFile = { contentType: string } & ({ body: Buffer } | { size: number; undeclared?: boolean });

const generatedChunk = Buffer.alloc(64 * 1024);

/**
 * `size` bytes that look random (AES-CTR over zeros, keyed by `seed`): the same every time, made a
 * chunk at a time as they are read, so a large file is never whole in memory.
 */
export function generatedBody(seed: string, size: number): Readable {
  const cipher = createCipheriv('aes-256-ctr', createHash('sha256').update(seed).digest(), Buffer.alloc(16));
  let left = size;
  return new Readable({
    read() {
      const length = Math.min(left, generatedChunk.length);
      left -= length;
      this.push(length === 0 ? null : cipher.update(generatedChunk.subarray(0, length)));
    },
  });
}

/** Serves files on 127.0.0.1, as a customer's media host would. */
export async function startMediaServer(files: Record<string, ServedFile>): Promise<MediaServer> {
  const hits: string[] = [];
  const server: Server = createServer((request, response) => {
    const path = request.url ?? '';
    hits.push(path);
    const file = files[path];
    if (!file) return void response.writeHead(404).end();
    if ('body' in file)
      return void response.writeHead(200, { 'Content-Type': file.contentType, 'Content-Length': file.body.length }).end(file.body);
    response.writeHead(200, { 'Content-Type': file.contentType, ...(file.undeclared ? {} : { 'Content-Length': file.size }) });
    // A client that goes away mid-body is not the server's failure.
    pipeline(generatedBody(path, file.size), response).catch(() => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
