import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { proto } from '@whiskeysockets/baileys';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../infra/local/ports.ts';
import { sampleDocument, samplePhoto, sampleVideo, sampleVoiceNote } from '../../shared/api-docs/sample-media.ts';
import { waMessageIdOf } from '../../shared/ids.ts';
import { exitOf, killEntries, startEntry, waitForOutput } from '../support/entry-process.ts';
import { pollUntil } from '../support/poll.ts';
import { type Received, textOf } from '../support/sim.ts';
import { demo, demoBanner, demoSends } from '../wa-sim/demo.ts';

const dataDirs: string[] = [];
const { MESSAGE_EDIT, REVOKE } = proto.Message.ProtocolMessage.Type;

afterAll(() => {
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

interface Queued {
  messageId: string;
  type: string;
  status: string;
}

describe('npm run start:sim', () => {
  let started: ReturnType<typeof startEntry>;
  let urls: { api: string; simulator: string };

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'whatsapp-hub-start-sim-'));
    dataDirs.push(dataDir);
    started = startEntry('test/wa-sim/start-local.ts', { PORT: String(await freePort()), DATA_DIR: dataDir });
    await waitForOutput(started, /Press Ctrl-C to stop\./, 60_000);
    const [, api] = started.output().match(/^ {2}API\s+(\S+)$/m) ?? [];
    const [, simulator] = started.output().match(/^ {2}Simulator (\S+)/m) ?? [];
    urls = { api: api ?? '', simulator: simulator ?? '' };
  }, 90_000);

  it('serves the web console at / with its Content-Security-Policy', async () => {
    const page = await fetch(`${urls.api}/`);

    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toMatch(/^default-src 'self'; script-src 'self';/);
    expect(await page.text()).toMatch(/<script type="module"[^>]* src="\/assets\/[^"]+\.js"/);
  });

  it('prints a demo of the API reference’s examples that works verbatim: the example recipient receives every kind of message, and the text’s reaction, edit and delete', async () => {
    const { steps, sends, queueStatus, received } = demo(urls);

    const stepsOutput = shell([...steps, 'printf "\\nKEY=%s\\nMESSAGE_ID=%s" "$KEY" "$MESSAGE_ID"'].join('\n'));
    const env = { KEY: stepsOutput.match(/\nKEY=(\S+)/)?.[1] ?? '', MESSAGE_ID: stepsOutput.match(/\nMESSAGE_ID=(\S+)$/)?.[1] ?? '' };
    // One shell a command, with what the steps set, so that each answer can be read on its own.
    const answers = sends.map((command) => shell(command, env)).filter((output) => output !== '');
    const { session, queue } = await pollUntil(
      () => JSON.parse(shell(queueStatus, env)) as { session: string; queue: Queued[] },
      // Every send has answered by now: whatever was queued is listed.
      ({ queue: queued }) => queued.every(({ status }) => !['pending', 'processing'].includes(status)),
      { timeoutMs: 90_000, failure: (last) => `the messages are ${JSON.stringify(last)}; the demo's steps printed:\n${stepsOutput}` },
    );
    // A failed message shows why in its status.
    const failures = queue
      .filter(({ status }) => status === 'failed')
      .map(({ messageId }) =>
        shell(`curl -s "${urls.api}/message/status?session=${session}&messageId=${messageId}" -H "x-api-key: $KEY"`, env),
      );
    const contactReceived = JSON.parse(shell(received)) as Received[];
    const one = (part: string, matches: (message: any) => boolean = () => true) =>
      contactReceived.find((item) => item.message[part] !== undefined && matches(item.message[part]));
    const bytesOf = (item: Received | undefined) => item?.mediaBase64;
    const textKey = { id: waMessageIdOf(env.MESSAGE_ID), fromMe: true };

    expect(started.output()).toContain(demoBanner(urls).join('\n'));
    expect(answers.map((answer) => JSON.parse(answer) as unknown)).toEqual(
      demoSends.map(() => ({ success: true, messageId: expect.any(String), message: 'Message queued successfully' })),
    );
    expect(failures).toEqual([]);
    expect(queue).toHaveLength(demoSends.length + 1);
    expect(queue.find(({ messageId }) => messageId === env.MESSAGE_ID)).toMatchObject({ type: 'text', status: 'read' });
    expect(contactReceived.map(textOf).filter(Boolean)).toEqual(['Hello World!']);
    expect(one('imageMessage')?.message.imageMessage).toMatchObject({ caption: 'Check this out!', mimetype: 'image/jpeg' });
    expect(bytesOf(one('imageMessage'))).toBe(samplePhoto.media_base64);
    expect(one('documentMessage')?.message.documentMessage).toMatchObject({ fileName: 'document.pdf', mimetype: 'application/pdf' });
    expect(bytesOf(one('documentMessage'))).toBe(sampleDocument.media_base64);
    expect(one('stickerMessage')?.message.stickerMessage).toMatchObject({ mimetype: 'image/webp' });
    expect(await sharp(Buffer.from(bytesOf(one('stickerMessage')) ?? '', 'base64')).metadata()).toMatchObject({
      format: 'webp',
      width: 512,
      height: 512,
    });
    expect(one('locationMessage')?.message.locationMessage).toMatchObject({
      degreesLatitude: -6.2088,
      degreesLongitude: 106.8456,
      name: 'Monas',
    });
    expect(one('contactMessage')?.message.contactMessage).toMatchObject({ displayName: 'John Doe' });
    expect(one('pollCreationMessageV3')?.message.pollCreationMessageV3).toMatchObject({
      name: 'Lunch on Friday?',
      selectableOptionsCount: 1,
    });
    expect(one('videoMessage')?.message.videoMessage).toMatchObject({ caption: 'Watch this', mimetype: 'video/mp4' });
    expect(bytesOf(one('videoMessage'))).toBe(sampleVideo.media_base64);
    expect(one('audioMessage')?.message.audioMessage).toMatchObject({ ptt: true, mimetype: 'audio/ogg; codecs=opus' });
    expect(bytesOf(one('audioMessage'))).toBe(sampleVoiceNote.media_base64);
    expect(one('reactionMessage')?.message.reactionMessage).toMatchObject({ text: '👍', key: textKey });
    const edit = one('protocolMessage', (change) => change.type === MESSAGE_EDIT)?.message.protocolMessage;
    expect(edit).toMatchObject({ key: textKey });
    expect(edit?.editedMessage.conversation ?? edit?.editedMessage.extendedTextMessage?.text).toBe('See you at 8, not 7');
    expect(one('protocolMessage', (change) => (change.type ?? REVOKE) === REVOKE)?.message.protocolMessage).toMatchObject({ key: textKey });
    started.child.kill('SIGTERM');
    expect(await exitOf(started.child)).toBe(0);
  }, 180_000);
});
