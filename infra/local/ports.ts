import { createServer } from 'node:net';
import { LocalStackError } from './errors.ts';

/** Ports this process has handed out; the OS may offer a just-released one again. */
const handedOut = new Set<number>();

/**
 * A port the OS reports free on 127.0.0.1 right now, never one this process handed out before:
 * ports are often taken a while after they are chosen, and two choices must not collide.
 */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = await listenOnce(0);
    if (handedOut.has(port)) continue;
    handedOut.add(port);
    return port;
  }
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
