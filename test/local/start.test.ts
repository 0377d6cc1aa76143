import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DeleteItemCommand, DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../../infra/local/ports.ts';
import { keys } from '../../shared/keys.ts';
import { exitOf, killEntries, startEntry, waitForOutput } from '../support/entry-process.ts';

const projectRoot = new URL('../..', import.meta.url).pathname;
const dataDirs: string[] = [];

/** Runs `npm start`'s entry the way the script does, with only the settings a newcomer would have. */
const startLocal = (env: Record<string, string>) => startEntry('infra/local/start.ts', env);

/** `npm run admin:create`, as an operator runs it: only the data folder names the target. */
function createAdmin(args: string[], env: Record<string, string>, stdin: string) {
  return spawnSync(process.execPath, ['infra/ops/create-admin.ts', ...args], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    input: stdin,
    encoding: 'utf8',
  });
}

/** Java processes whose command line names this data folder. */
function javaProcessesUsing(dataDir: string): string[] {
  try {
    return execFileSync('pgrep', ['-f', `java.*${dataDir}`], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .filter(Boolean);
  } catch {
    return [];
  }
}

function newDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'whatsapp-hub-start-'));
  dataDirs.push(dir);
  return dir;
}

afterEach(() => {
  killEntries();
  for (const dir of dataDirs.splice(0)) {
    for (const pid of javaProcessesUsing(dir)) process.kill(Number(pid), 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('npm run admin:create', () => {
  it('says how to start the stack when none runs for the data folder', () => {
    const result = createAdmin(['--email', 'ops@example.com'], { DATA_DIR: newDataDir() }, 'OpsPassword123\n');

    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^admin:create: No local stack is running for .*: start it with `npm start`/);
  });

  it('refuses a password on the command line, and a missing email', () => {
    const onArgv = createAdmin(['--email', 'ops@example.com', '--password', 'OpsPassword123'], { DATA_DIR: newDataDir() }, '');
    const noEmail = createAdmin([], { DATA_DIR: newDataDir() }, 'OpsPassword123\n');

    expect(onArgv.status).toBe(1);
    expect(onArgv.stderr).toMatch(/Unknown option '--password'/);
    expect(noEmail.status).toBe(1);
    expect(noEmail.stderr).toBe('admin:create: Give the admin email with --email (or ADMIN_EMAIL)\n');
  });
});

describe('npm start', () => {
  it('serves /health, stops without leaving a process behind, and keeps its data across a restart', async () => {
    const dataDir = newDataDir();
    const port = String(await freePort());

    const first = startLocal({ PORT: port, DATA_DIR: dataDir });
    const [, dynamoEndpoint] = await waitForOutput(first, /DynamoDB\s+(http:\/\/\S+)/, 60_000);
    const health = await fetch(`http://localhost:${port}/health`);
    expect(health.status).toBe(200);
    expect(((await health.json()) as { status: string }).status).toBe('ok');
    expect(first.output()).toContain(`Docs      http://localhost:${port}/api-docs/ui`);
    const dynamo = new DynamoDBClient({
      endpoint: dynamoEndpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    await dynamo.send(
      new PutItemCommand({ TableName: 'whatsapp-hub', Item: { pk: { S: 'probe' }, sk: { S: 'probe' }, value: { S: 'kept' } } }),
    );
    dynamo.destroy();

    const made = createAdmin(['--email', 'ops@example.com'], { DATA_DIR: dataDir }, 'OpsPassword123\n');
    expect(made.stderr).toBe('');
    expect(made.stdout).toMatch(/^Admin \d+ \(ops@example.com\) created\. API key: whk_/);
    const login = await fetch(`http://localhost:${port}/auth/login`, {
      method: 'POST',
      body: JSON.stringify({ email: 'ops@example.com', password: 'OpsPassword123' }),
    });
    expect(((await login.json()) as { data: { user: { role: string } } }).data.user.role).toBe('admin');

    first.child.kill('SIGTERM');
    expect(await exitOf(first.child)).toBe(0);
    expect(javaProcessesUsing(dataDir)).toEqual([]);

    const second = startLocal({ PORT: port, DATA_DIR: dataDir });
    const [, secondEndpoint] = await waitForOutput(second, /DynamoDB\s+(http:\/\/\S+)/, 60_000);
    const reopened = new DynamoDBClient({
      endpoint: secondEndpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    const { Item } = await reopened.send(
      new GetItemCommand({ TableName: 'whatsapp-hub', Key: { pk: { S: 'probe' }, sk: { S: 'probe' } } }),
    );
    reopened.destroy();
    expect(Item?.value?.S).toBe('kept');

    second.child.kill('SIGINT');
    expect(await exitOf(second.child)).toBe(0);
    expect(javaProcessesUsing(dataDir)).toEqual([]);
  }, 120_000);

  it('refuses data of an older layout with one clear line, and leaves no process behind', async () => {
    const dataDir = newDataDir();
    const port = String(await freePort());
    const first = startLocal({ PORT: port, DATA_DIR: dataDir });
    const [, dynamoEndpoint] = await waitForOutput(first, /DynamoDB\s+(http:\/\/\S+)/, 60_000);
    const dynamo = new DynamoDBClient({
      endpoint: dynamoEndpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    // What the layout before per-tenant names left behind: a session under its service-wide id, and no layout marker.
    await dynamo.send(
      new PutItemCommand({
        TableName: 'whatsapp-hub',
        Item: { pk: { S: 'SESSION#62812345678' }, sk: { S: 'SESSION' }, sessionId: { S: '62812345678' } },
      }),
    );
    const marker = keys.dataLayout();
    await dynamo.send(new DeleteItemCommand({ TableName: 'whatsapp-hub', Key: { pk: { S: marker.pk }, sk: { S: marker.sk } } }));
    dynamo.destroy();
    first.child.kill('SIGTERM');
    expect(await exitOf(first.child)).toBe(0);

    const second = startLocal({ PORT: port, DATA_DIR: dataDir });

    expect(await exitOf(second.child)).toBe(1);
    expect(second.output().trim()).toMatch(
      /^whatsapp-hub: The data in \S+ was written by an older version of WhatsApp Hub \(layout 1, this one reads 2: .*\)\. Start afresh: [^\n]+$/,
    );
    expect(javaProcessesUsing(dataDir)).toEqual([]);
  }, 120_000);

  it('leaves no process behind when stopped during start-up', async () => {
    const dataDir = newDataDir();
    const started = startLocal({ PORT: String(await freePort()), DATA_DIR: dataDir });
    const deadline = Date.now() + 20_000;
    while (javaProcessesUsing(dataDir).length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(javaProcessesUsing(dataDir)).toHaveLength(1);

    started.child.kill('SIGTERM');
    await exitOf(started.child);

    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(javaProcessesUsing(dataDir)).toEqual([]);
  });

  it('fails with one clear line when the port is taken', async () => {
    const holder: Server = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const port = (holder.address() as { port: number }).port;
    const dataDir = newDataDir();

    const started = startLocal({ PORT: String(port), DATA_DIR: dataDir });
    const code = await exitOf(started.child);
    holder.close();

    expect(code).toBe(1);
    expect(started.output().trim()).toBe(
      `whatsapp-hub: Port ${port} (API) is already in use; stop what uses it or set PORT to another port`,
    );
    expect(javaProcessesUsing(dataDir)).toEqual([]);
  });

  it('fails with one clear line when Java is missing', async () => {
    const started = startLocal({ PORT: String(await freePort()), DATA_DIR: newDataDir(), PATH: dirname(process.execPath) });

    expect(await exitOf(started.child)).toBe(1);
    expect(started.output().trim()).toBe('whatsapp-hub: Java 17+ is required for DynamoDB Local, and `java` was not found on PATH');
  });

  it('fails with one clear line on an invalid setting', async () => {
    const started = startLocal({ PORT: 'many', DATA_DIR: newDataDir() });

    expect(await exitOf(started.child)).toBe(1);
    expect(started.output().trim()).toMatch(/^whatsapp-hub: Invalid configuration: PORT: /);
  });
});
