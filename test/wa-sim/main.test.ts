import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createClientPool, waitForClose, waitForOpen, waitForQr, type ClientPool } from './harness.ts';
import { createMemoryAuthState } from './memory-auth-state.ts';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const ACCOUNT = '15550001111';

/** Starts main.ts and reads the URLs it prints. */
const startMain = (): Promise<{ child: ChildProcess; urls: Record<string, string> }> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const ws = /websocket \(waWebSocketUrl\): (\S+)/.exec(output)?.[1];
      const control = /control API: +(\S+)/.exec(output)?.[1];
      if (ws && control && output.includes('curl')) resolve({ child, urls: { ws, control } });
    });
    child.once('exit', (code) => reject(new Error(`main.ts exited with ${code}`)));
  });

describe('the standalone simulator (main.ts)', () => {
  let child: ChildProcess | undefined;
  let clients: ClientPool | undefined;

  afterEach(async () => {
    await clients?.endAll();
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child?.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });

  it('is trusted by a client in another process and links it through the control API', async () => {
    // Prepare
    const started = await startMain();
    child = started.child;
    const caPem = await (await fetch(`${started.urls['control']}/ca.pem`)).text();
    clients = createClientPool({ wsUrl: started.urls['ws'] ?? '', caPem });
    const auth = createMemoryAuthState();
    const pairing = clients.connect(auth);
    const qr = await waitForQr(pairing);
    const restarted = waitForClose(pairing);

    // Act
    const scan = await fetch(`${started.urls['control']}/qr/scan`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ qr, phone: ACCOUNT }),
    });
    await restarted;
    const opened = await waitForOpen(clients.connect(auth));

    // Assess
    expect(scan.status).toBe(200);
    expect(caPem).toContain('BEGIN CERTIFICATE');
    expect(opened.connection).toBe('open');
  });
});
