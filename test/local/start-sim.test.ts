import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../../infra/local/ports.ts';
import { exitOf, killEntries, startEntry, waitForOutput } from '../support/entry-process.ts';
import { pollUntil } from '../support/poll.ts';
import { type Received, textOf } from '../support/sim.ts';
import { demo, demoBanner } from '../wa-sim/demo.ts';

const dataDirs: string[] = [];

afterEach(() => {
  killEntries();
  for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Runs shell commands as a newcomer pasting them would, with `bash`. */
const shell = (script: string, env: Record<string, string> = {}) =>
  execFileSync('bash', ['-c', script], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH ?? '', ...env },
  });

describe('npm run start:sim', () => {
  it('prints a demo of the API reference’s examples that works verbatim: the example recipient receives "Hello World!" and reads it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'whatsapp-hub-start-sim-'));
    dataDirs.push(dataDir);
    const started = startEntry('test/wa-sim/start-local.ts', { PORT: String(await freePort()), DATA_DIR: dataDir });
    await waitForOutput(started, /Press Ctrl-C to stop\./, 60_000);
    const [, api] = started.output().match(/^ {2}API\s+(\S+)$/m) ?? [];
    const [, simulator] = started.output().match(/^ {2}Simulator (\S+)/m) ?? [];
    const urls = { api: api ?? '', simulator: simulator ?? '' };
    const { steps, queueStatus, received } = demo(urls);

    const stepsOutput = shell([...steps, 'printf "\\nKEY=%s" "$KEY"'].join('\n'));
    const key = stepsOutput.match(/\nKEY=(\S+)$/)?.[1] ?? '';
    const messageId = stepsOutput.match(/"messageId":"([^"]+)"/)?.[1];
    const sent = await pollUntil(
      () =>
        (JSON.parse(shell(queueStatus, { KEY: key })) as { queue: { messageId: string; status: string }[] }).queue.find(
          (queued) => queued.messageId === messageId,
        ),
      (queued) => queued?.status === 'read' || queued?.status === 'failed',
      { failure: (queued) => `the message is ${queued?.status}; the demo's steps printed:\n${stepsOutput}` },
    );
    const contactReceived = JSON.parse(shell(received)) as Received[];

    expect(started.output()).toContain(demoBanner(urls).join('\n'));
    expect(sent).toMatchObject({ status: 'read' });
    expect(contactReceived.map(textOf)).toEqual(['Hello World!']);
    started.child.kill('SIGTERM');
    expect(await exitOf(started.child)).toBe(0);
  }, 90_000);
});
