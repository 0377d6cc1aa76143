import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../infra/local/ports.ts';
import { api } from '../support/http.ts';
import { startIsolatedStack, type IsolatedStack } from '../support/isolated-stack.ts';
import { pollUntil } from '../support/poll.ts';
import { addContact, linkSession, textOf, waitForReceived } from '../support/sim.ts';
import { uniqueEmail } from '../support/users.ts';

const execFileAsync = promisify(execFile);
const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
// The image's base has Node 24, as the project's own binary is.
const node = join(projectRoot, 'node_modules/.bin/node');

interface ImageRecipe {
  /** COPY sources (relative to the build context, the repository root) and their destination under WORKDIR. */
  copies: { sources: string[]; destination: string }[];
  /** The `npm ci …` of a RUN line, without what follows it (`npm cache clean` would empty this machine's cache). */
  install: string[];
  env: Record<string, string>;
  command: string[];
}

/** What `connector/Dockerfile` copies, installs, sets and runs, so that a change there is followed here. */
function readRecipe(dockerfile: string): ImageRecipe {
  const instructions = dockerfile
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const argumentsOf = (keyword: string) =>
    instructions.filter((line) => line.startsWith(`${keyword} `)).map((line) => line.slice(keyword.length).trim());
  const copies = argumentsOf('COPY').map((line) => {
    const words = line.split(/\s+/).filter((word) => !word.startsWith('--'));
    return { sources: words.slice(0, -1), destination: words.at(-1) ?? '' };
  });
  const install = argumentsOf('RUN')
    .map((line) => line.match(/npm ci[^&;|]*/)?.[0])
    .find((command) => command !== undefined);
  const env = Object.fromEntries(argumentsOf('ENV').flatMap((line) => line.split(/\s+/).map((pair) => pair.split('=', 2))));
  const command = argumentsOf('CMD').at(-1);
  if (!install || !command) throw new Error('connector/Dockerfile has no `npm ci` RUN line or no CMD');
  return { copies, install: install.trim().split(/\s+/), env, command: JSON.parse(command) as string[] };
}

/** Copies what each COPY names, as Docker does: a folder's contents into the destination, a file into a destination folder. */
function copyImageFiles(recipe: ImageRecipe, appDir: string): void {
  for (const { sources, destination } of recipe.copies) {
    for (const source of sources) {
      const from = join(projectRoot, source);
      const intoFolder = !statSync(from).isDirectory() && (destination.endsWith('/') || sources.length > 1);
      cpSync(from, join(appDir, destination, intoFolder ? basename(source) : ''), { recursive: true });
    }
  }
}

describe('the connector image (connector/Dockerfile)', () => {
  const recipe = readRecipe(readFileSync(join(projectRoot, 'connector/Dockerfile'), 'utf8'));
  let appDir: string;
  let stack: IsolatedStack;
  let connector: ChildProcess | undefined;

  beforeAll(async () => {
    stack = await startIsolatedStack({ shardCount: 1 });
    appDir = mkdtempSync(join(tmpdir(), 'whatsapp-hub-connector-image-'));
    copyImageFiles(recipe, appDir);
    // The project's own `npm ci` filled the cache; the image's install needs nothing else.
    await execFileAsync('npm', [...recipe.install.slice(1), '--prefer-offline'], { cwd: appDir, env: { ...process.env, ...recipe.env } });
    // The simulator's trust root patches the Baileys module the connector loads: the image's own copy.
    for (const file of ['trust-root.ts', 'root-key.ts']) cpSync(join(projectRoot, 'test/wa-sim', file), join(appDir, 'wa-sim-trust', file));
  }, 120_000);

  afterAll(async () => {
    connector?.kill('SIGKILL');
    await stack?.stop();
    if (appDir) rmSync(appDir, { recursive: true, force: true });
  });

  it('runs its CMD from exactly the copied files and the production install: it links a session, sends, and stops cleanly', async () => {
    const [executable, ...args] = recipe.command;
    expect(executable).toBe('node');
    const healthPort = await freePort();
    const { env: simulatorEnv } = inject('simConnector');
    const child = spawn(node, ['--import', join(appDir, 'wa-sim-trust/trust-root.ts'), ...args], {
      cwd: appDir,
      env: { ...process.env, ...simulatorEnv, ...recipe.env, CONNECTOR_HEALTH_PORT: String(healthPort) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    connector = child;
    let connectorOutput = '';
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.stdout?.on('data', (chunk: Buffer) => (connectorOutput += String(chunk)));
    child.stderr?.on('data', (chunk: Buffer) => (connectorOutput += String(chunk)));
    await pollUntil(
      async () => {
        if (child.exitCode !== null) throw new Error(`the connector exited (${child.exitCode}):\n${connectorOutput}`);
        return fetch(`http://127.0.0.1:${healthPort}/health`).then(
          (response) => response.ok,
          () => false,
        );
      },
      (healthy) => healthy,
      { timeoutMs: 30_000, intervalMs: 200, failure: () => `the connector never became healthy:\n${connectorOutput}` },
    );
    const registered = await api('/auth/register', {
      body: { email: uniqueEmail('image'), password: 'SecurePass123' },
      baseUrl: stack.apiUrl,
    });
    const apiKey = registered.body.data.user.apiKey as string;
    const contact = await addContact();

    const { sessionId } = await linkSession(apiKey, { baseUrl: stack.apiUrl });
    const sent = await api('/message/send-text', {
      body: { session: sessionId, to: contact, text: 'Hello from the image' },
      headers: { 'x-api-key': apiKey },
      baseUrl: stack.apiUrl,
    });
    const received = await waitForReceived(contact, 1);
    child.kill('SIGTERM');

    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(received.map(textOf)).toEqual(['Hello from the image']);
    expect(await exited, connectorOutput).toBe(0);
  }, 60_000);
});
