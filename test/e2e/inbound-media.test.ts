import { createHash, randomBytes } from 'node:crypto';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { inject, beforeAll, describe, expect, it } from 'vitest';
import { s3Client } from '../../shared/aws-clients.ts';
import { config } from '../../shared/config.ts';
import { newSessionId } from '../../shared/ids.ts';
import { mediaObjectKey } from '../../shared/messages/media-store.ts';
import { createSession } from '../../shared/sessions/repository.ts';
import { api } from '../support/http.ts';
import { pollUntil } from '../support/poll.ts';
import { addContact, linkSession, sendFromContact, sim } from '../support/sim.ts';
import { registerUser, type TestUser } from '../support/users.ts';
import type { MessageContent } from '../wa-sim/message-content.ts';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const key = (apiKey: string) => ({ 'x-api-key': apiKey });

/** GET /message/media without following the redirect. */
const mediaOf = (apiKey: string, session: string, messageId: string) =>
  fetch(`${inject('apiUrl')}/message/media?${new URLSearchParams({ session, messageId }).toString()}`, {
    headers: key(apiKey),
    redirect: 'manual',
  });

/**
 * The session's received message of this WhatsApp id, as GET /message/status shows it, once its
 * media has an outcome: stored, or unavailable with a reason.
 */
async function receivedWithMedia(apiKey: string, session: string, waMessageId: string): Promise<any> {
  const find = async () => {
    const listed = await api(`/message/list?${new URLSearchParams({ session, direction: 'in' }).toString()}`, { headers: key(apiKey) });
    for (const { messageId } of listed.body.data ?? []) {
      const status = await api(`/message/status?${new URLSearchParams({ session, messageId }).toString()}`, { headers: key(apiKey) });
      if (status.body.data?.waMessageId === waMessageId) return status.body.data;
    }
    return undefined;
  };
  return pollUntil(find, (message) => message?.media?.stored === true || message?.media?.unavailableReason !== undefined, {
    timeoutMs: 20_000,
    intervalMs: 250,
    failure: (message) => `message ${waMessageId} has no media outcome; last: ${JSON.stringify(message)}`,
  });
}

describe('media a contact sends', () => {
  let user: TestUser;
  let session: string;
  let account: string;
  let contact: string;

  beforeAll(async () => {
    user = await registerUser('inbound-media');
    ({ sessionId: session, phone: account } = await linkSession(user.apiKey));
    contact = await addContact();
  });

  it.each([
    ['an image', { type: 'image', mimeType: 'image/jpeg', caption: 'a picture' }],
    ['a video', { type: 'video', mimeType: 'video/mp4', seconds: 3 }],
    ['a voice note', { type: 'audio', mimeType: 'audio/ogg; codecs=opus', voiceNote: true, seconds: 2 }],
    ['a document', { type: 'document', mimeType: 'application/pdf', fileName: 'report.pdf' }],
  ] as const)('is stored and served as %s, byte for byte, through a redirect to a short-lived signed URL', async (_, fields) => {
    // Prepare
    const bytes = randomBytes(300_000);
    const { id } = await sendFromContact(contact, account, { ...fields, base64: bytes.toString('base64') });

    // Act
    const message = await receivedWithMedia(user.apiKey, session, id);
    const redirect = await mediaOf(user.apiKey, session, message.messageId);
    const location = redirect.headers.get('location') ?? '';
    const download = await fetch(location);

    // Assess
    expect(message.media).toMatchObject({ stored: true, size: bytes.length, sha256: sha256(bytes), mimeType: fields.mimeType });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('cache-control')).toBe('no-store');
    expect(new URL(location).searchParams.get('X-Amz-Expires')).toBe('300');
    expect(download.status).toBe(200);
    expect(sha256(Buffer.from(await download.arrayBuffer()))).toBe(sha256(bytes));
  });

  it('answers the signed URL and its expiry as JSON to Accept: application/json, which the console’s origin may load with no API key', async () => {
    // Prepare
    const bytes = randomBytes(50_000);
    const { id } = await sendFromContact(contact, account, { type: 'image', mimeType: 'image/jpeg', base64: bytes.toString('base64') });
    const message = await receivedWithMedia(user.apiKey, session, id);
    const consoleOrigin = new URL(inject('apiUrl')).origin;

    // Act
    const asked = await api(`/message/media?${new URLSearchParams({ session, messageId: message.messageId }).toString()}`, {
      headers: { ...key(user.apiKey), Accept: 'application/json' },
    });
    const download = await fetch(asked.body.data.url, { headers: { Origin: consoleOrigin } });

    // Assess
    expect(asked.status).toBe(200);
    expect(asked.body).toEqual({ success: true, data: { url: expect.any(String), expiresAt: expect.any(String) } });
    expect(asked.headers.get('cache-control')).toBe('no-store');
    expect(asked.headers.get('vary')).toContain('Accept');
    expect(Date.parse(asked.body.data.expiresAt) - Date.now()).toBeGreaterThan(290_000);
    expect(Date.parse(asked.body.data.expiresAt) - Date.now()).toBeLessThanOrEqual(300_000);
    expect(new URL(asked.body.data.url).searchParams.get('X-Amz-Expires')).toBe('300');
    expect(download.status).toBe(200);
    expect(download.headers.get('access-control-allow-origin')).toBe(consoleOrigin);
    expect(sha256(Buffer.from(await download.arrayBuffer()))).toBe(sha256(bytes));
  });

  it("is unavailable, with WhatsApp's answer as the reason, when its download fails", async () => {
    // Prepare: a media message whose bytes are not on the media host (JSON as the control API takes it: bytes in base64).
    const { mediaUrl } = (await sim<{ mediaUrl: string }>('/')).body;
    const missing = {
      type: 'raw',
      message: {
        imageMessage: {
          url: `${mediaUrl}/mms/image/missing.enc`,
          directPath: '/mms/image/missing.enc',
          mediaKey: randomBytes(32).toString('base64'),
          fileSha256: randomBytes(32).toString('base64'),
          fileEncSha256: randomBytes(32).toString('base64'),
          fileLength: '1000',
          mimetype: 'image/jpeg',
        },
      },
    } as unknown as MessageContent;
    const { id } = await sendFromContact(contact, account, missing);

    // Act
    const message = await receivedWithMedia(user.apiKey, session, id);
    const media = await mediaOf(user.apiKey, session, message.messageId);

    // Assess
    expect(message.media).toMatchObject({ stored: false, unavailableReason: 'download failed: WhatsApp answered 404' });
    expect(media.status).toBe(404);
    expect(await media.json()).toEqual({ success: false, error: 'No media for this message' });
  });

  it('answers 404 for a message without media and for an unknown message', async () => {
    // Prepare
    const { id } = await sendFromContact(contact, account, 'just words');
    const text = await pollUntil(
      async () =>
        (
          (await api(`/message/list?session=${session}&direction=in`, { headers: key(user.apiKey) })).body.data as {
            messageId: string;
            text?: string;
          }[]
        ).find((message) => message.text === 'just words'),
      (message) => message !== undefined,
      { failure: () => `message ${id} was not listed` },
    );
    const textId = text?.messageId ?? '';

    // Act
    const noMedia = await mediaOf(user.apiKey, session, textId);
    const unknown = await mediaOf(user.apiKey, session, 'msg_01K00000000000000000000000');

    // Assess
    expect(noMedia.status).toBe(404);
    expect(await noMedia.json()).toEqual({ success: false, error: 'No media for this message' });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ success: false, error: 'Message not found' });
  });

  it("never serves another tenant's media: 400 without a session of that name, 404 with one", async () => {
    // Prepare
    const { id } = await sendFromContact(contact, account, {
      type: 'document',
      mimeType: 'text/plain',
      fileName: 'secret.txt',
      base64: Buffer.from('secret').toString('base64'),
    });
    const message = await receivedWithMedia(user.apiKey, session, id);
    const other = await registerUser('inbound-media-other');
    const withoutSession = await mediaOf(other.apiKey, session, message.messageId);
    const now = new Date().toISOString();
    await createSession({
      sessionId: newSessionId(),
      name: session,
      userId: other.id,
      phoneNumber: `+${session}`,
      shard: 0,
      status: 'connected',
      method: 'qr',
      createdAt: now,
      updatedAt: now,
    });

    // Act
    const withSameName = await mediaOf(other.apiKey, session, message.messageId);
    const own = await mediaOf(user.apiKey, session, message.messageId);

    // Assess
    expect(withoutSession.status).toBe(400);
    expect(await withoutSession.json()).toEqual({ success: false, error: 'Session does not exist' });
    expect(withSameName.status).toBe(404);
    expect(await withSameName.json()).toEqual({ success: false, error: 'Message not found' });
    expect(own.status).toBe(302);
  });

  it("is deleted with its session's logout", async () => {
    // Prepare
    const linked = await linkSession(user.apiKey);
    const { id } = await sendFromContact(contact, linked.phone, {
      type: 'image',
      mimeType: 'image/png',
      base64: randomBytes(1_000).toString('base64'),
    });
    const message = await receivedWithMedia(user.apiKey, linked.sessionId, id);
    const objects = async () =>
      (
        await s3Client().send(
          new ListObjectsV2Command({ Bucket: config().MEDIA_BUCKET_NAME, Prefix: mediaObjectKey(linked.internalId, '') }),
        )
      ).Contents ?? [];
    expect((await objects()).map((object) => object.Key)).toEqual([mediaObjectKey(linked.internalId, message.messageId)]);

    // Act
    const logout = await api('/session/logout', { body: { session: linked.sessionId }, headers: key(user.apiKey) });

    // Assess
    expect(logout.status, JSON.stringify(logout.body)).toBe(200);
    expect(await objects()).toEqual([]);
  });
});
