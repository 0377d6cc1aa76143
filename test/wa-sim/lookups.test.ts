import { request } from 'node:https';
import type { WASocket } from '@whiskeysockets/baileys';
import { beforeAll, describe, expect, it } from 'vitest';
import { linkByQr, useSimulator } from './harness.ts';

const ACCOUNT = '15550001111';
const VISIBLE = '15550002222';
const HIDDEN = '15550003333';
const NO_PICTURE = '15550004444';
const NOT_ON_WHATSAPP = '15550009999';
const PICTURE = Buffer.from('fake jpeg bytes');

const jid = (phone: string) => `${phone}@s.whatsapp.net`;

const fetchBytes = (url: string, ca: string): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    request(url, { ca }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve(Buffer.concat(chunks)));
    })
      .on('error', reject)
      .end();
  });

describe('lookups about contacts', () => {
  const { sim, clients } = useSimulator('all');
  let socket: WASocket;

  beforeAll(async () => {
    sim().addContact({ phone: VISIBLE, status: 'Available', picture: PICTURE });
    sim().addContact({ phone: HIDDEN, status: 'secret', statusHidden: true, picture: PICTURE, pictureHidden: true });
    sim().addContact({ phone: NO_PICTURE });
    sim().addContact({ phone: NOT_ON_WHATSAPP, onWhatsApp: false });
    ({ socket } = await linkByQr(sim(), clients(), ACCOUNT));
  });

  it('tells which numbers are on WhatsApp', async () => {
    // Act
    const results = await socket.onWhatsApp(VISIBLE, `+${NO_PICTURE}`, NOT_ON_WHATSAPP);

    // Assess
    expect(results).toEqual([
      { jid: jid(VISIBLE), exists: true },
      { jid: jid(NO_PICTURE), exists: true },
    ]);
  });

  it('reads the about text, empty when hidden and null when unknown', async () => {
    // Act
    const results = await socket.fetchStatus(jid(VISIBLE), jid(HIDDEN), jid(NOT_ON_WHATSAPP));

    // Assess
    expect(results?.map((result) => [result.id, (result as { status?: { status: string | null } }).status?.status])).toEqual([
      [jid(VISIBLE), 'Available'],
      [jid(HIDDEN), ''],
      [jid(NOT_ON_WHATSAPP), null],
    ]);
  });

  it('returns a profile picture URL that serves the picture', async () => {
    // Act
    const url = await socket.profilePictureUrl(jid(VISIBLE), 'image');

    // Assess
    expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\//);
    expect(await fetchBytes(url ?? '', sim().caPem)).toEqual(PICTURE);
  });

  it('refuses a hidden picture with 401 and a missing one with 404', async () => {
    // Act
    const hidden = socket.profilePictureUrl(jid(HIDDEN));
    const missing = socket.profilePictureUrl(jid(NO_PICTURE));
    const unknown = socket.profilePictureUrl(jid(NOT_ON_WHATSAPP));

    // Assess
    await expect(hidden).rejects.toMatchObject({ message: 'not-authorized', data: 401 });
    await expect(missing).rejects.toMatchObject({ message: 'item-not-found', data: 404 });
    await expect(unknown).rejects.toMatchObject({ message: 'item-not-found', data: 404 });
  });
});
