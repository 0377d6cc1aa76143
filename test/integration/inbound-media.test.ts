import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import type { WAMessage, WASocket } from '@whiskeysockets/baileys';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { saveInboundMedia } from '../../connector/media/inbound-media.ts';
import { s3Client } from '../../shared/aws-clients.ts';
import { config } from '../../shared/config.ts';
import { mediaObjectKey, signedMediaUrl } from '../../shared/messages/media-store.ts';
import { newMessageId } from '../wa-sim/contact-actions.ts';
import { linkByQr, nextEvent, trustMediaHost, useSimulator } from '../wa-sim/harness.ts';

const ACCOUNT = '15550004444';
const ALICE = '15550005555';
const megabyte = 1024 * 1024;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

// Read when the code under test first reads its configuration, after this.
vi.stubEnv('INBOUND_MEDIA_MAX_BYTES', String(megabyte));

/** saveInboundMedia on the real WAMessages Baileys emits for what a simulated contact sends. */
describe('saving the media of a received message', () => {
  const { sim, clients } = useSimulator('all');
  let socket: WASocket;

  beforeAll(async () => {
    sim().addContact({ phone: ALICE, name: 'Alice' });
    ({ socket } = await linkByQr(sim(), clients(), ACCOUNT));
    trustMediaHost(sim());
  });

  afterAll(() => vi.unstubAllEnvs());

  /** What Baileys emits for an image of these bytes from Alice. */
  const imageFromAlice = async (bytes: Buffer): Promise<WAMessage> => {
    const id = newMessageId();
    const upsert = nextEvent(socket, 'messages.upsert', ({ messages }) => messages.some((message) => message.key.id === id));
    await sim().send(ALICE, { to: ACCOUNT, id, content: { type: 'image', mimeType: 'image/png', base64: bytes.toString('base64') } });
    return (await upsert).messages.find((message) => message.key.id === id)!;
  };
  const newTarget = () => ({ sessionId: `ses_${randomUUID()}`, messageId: `msg_${randomUUID()}` });
  const storedUnder = async (target: { sessionId: string; messageId: string }) => {
    const key = mediaObjectKey(target.sessionId, target.messageId);
    const page = await s3Client().send(new ListObjectsV2Command({ Bucket: config().MEDIA_BUCKET_NAME, Prefix: key }));
    return (page.Contents ?? []).map((object) => object.Key);
  };

  it('stores the bytes the contact sent under the message, with their size, SHA-256 and type', async () => {
    const bytes = randomBytes(200_000);
    const target = newTarget();

    const outcome = await saveInboundMedia(await imageFromAlice(bytes), target);
    const served = await fetch(await signedMediaUrl(mediaObjectKey(target.sessionId, target.messageId), 60));

    expect(outcome).toEqual({ stored: true, size: bytes.length, sha256: sha256(bytes), mimeType: 'image/png' });
    expect(sha256(Buffer.from(await served.arrayBuffer()))).toBe(sha256(bytes));
  });

  it('stops media past the cap or longer than its sender declared, even when the declared size is small, and stores nothing', async () => {
    const message = await imageFromAlice(randomBytes(1.5 * megabyte));
    message.message!.imageMessage!.fileLength = 1_000;
    const undeclared = await imageFromAlice(randomBytes(1.5 * megabyte));
    undeclared.message!.imageMessage!.fileLength = 0;
    const [target, undeclaredTarget] = [newTarget(), newTarget()];

    const outcome = await saveInboundMedia(message, target);
    const undeclaredOutcome = await saveInboundMedia(undeclared, undeclaredTarget);

    expect(outcome).toEqual({ stored: false, reason: 'download failed: the media is not the size its sender declared' });
    expect(undeclaredOutcome).toEqual({ stored: false, reason: 'larger than the 1 MB limit' });
    expect(await storedUnder(target)).toEqual([]);
    expect(await storedUnder(undeclaredTarget)).toEqual([]);
  });

  it('refuses bytes that do not match the SHA-256 the sender declared, and stores nothing', async () => {
    const message = await imageFromAlice(randomBytes(50_000));
    message.message!.imageMessage!.fileSha256 = randomBytes(32);
    const target = newTarget();

    const outcome = await saveInboundMedia(message, target);

    expect(outcome).toEqual({ stored: false, reason: 'download failed: the media does not match its hash' });
    expect(await storedUnder(target)).toEqual([]);
  });

  it('answers why, rather than throwing, for a message without media', async () => {
    const outcome = await saveInboundMedia({ key: { id: 'X' }, message: { conversation: 'hi' } }, newTarget());

    expect(outcome).toEqual({ stored: false, reason: 'not a media message' });
  });
});
