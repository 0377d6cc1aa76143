import { randomBytes } from 'node:crypto';
import type { WASocket } from '@whiskeysockets/baileys';
import { beforeAll, describe, expect, it } from 'vitest';
import { linkByQr, useSimulator } from './harness.ts';

const ACCOUNT = '15550001111';
const ALICE = '15550002222';
const ALICE_JID = `${ALICE}@s.whatsapp.net`;
// A thumbnail given up front spares Baileys an image library it does not have here.
const THUMBNAIL = Buffer.from('tiny thumbnail');

describe('media a client uploads and a contact downloads', () => {
  const { sim, clients } = useSimulator('all');
  let socket: WASocket;

  beforeAll(async () => {
    sim().addContact({ phone: ALICE });
    ({ socket } = await linkByQr(sim(), clients(), ACCOUNT));
  });

  it('delivers an image whose bytes the contact recovers', async () => {
    // Prepare
    const image = randomBytes(40_000);

    // Act
    const sent = await socket.sendMessage(ALICE_JID, { image, jpegThumbnail: THUMBNAIL.toString('base64'), caption: 'look' });
    const received = await sim().waitForMessage(ALICE, (message) => message.id === sent?.key.id);

    // Assess
    expect(received.message.imageMessage?.caption).toBe('look');
    expect(received.media).toEqual(image);
  });

  it('delivers a document with its name and bytes', async () => {
    // Prepare
    const document = Buffer.from('%PDF-1.4 simulated document\n'.repeat(100));

    // Act
    const sent = await socket.sendMessage(ALICE_JID, { document, mimetype: 'application/pdf', fileName: 'report.pdf' });
    const received = await sim().waitForMessage(ALICE, (message) => message.id === sent?.key.id);

    // Assess
    expect(received.message.documentMessage?.fileName).toBe('report.pdf');
    expect(received.media).toEqual(document);
  });

  it('delivers a sticker whose bytes the contact recovers', async () => {
    // Prepare
    const sticker = randomBytes(2_000);

    // Act
    const sent = await socket.sendMessage(ALICE_JID, { sticker });
    const received = await sim().waitForMessage(ALICE, (message) => message.id === sent?.key.id);

    // Assess
    expect(received.message.stickerMessage).toBeDefined();
    expect(received.media).toEqual(sticker);
  });
});
