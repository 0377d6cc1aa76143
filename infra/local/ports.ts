import { createServer } from 'node:net';
import { LocalStackError } from './errors.ts';

/** A port the OS reports free on 127.0.0.1 right now. */
export async function freePort(): Promise<number> {
  return listenOnce(0);
}

/** Fails with one clear line when `port` is taken. */
export async function assertPortFree(port: number, purpose: string): Promise<void> {
  try {
    await listenOnce(port);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new LocalStackError(`Port ${port} (${purpose}) is already in use; stop what uses it or set PORT to another port`);
    }
    throw error;
  }
}

function listenOnce(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => {
      const address = server.address();
      const chosen = typeof address === 'object' && address ? address.port : port;
      server.close(() => resolve(chosen));
    });
  });
}
