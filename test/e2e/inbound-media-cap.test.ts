import { randomBytes } from 'node:crypto';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s3Client } from '../../shared/aws-clients.ts';
import { config } from '../../shared/config.ts';
import { mediaObjectKey } from '../../shared/messages/media-store.ts';
import { api } from '../support/http.ts';
import { pollUntil } from '../support/poll.ts';
import { startIsolatedStack, type IsolatedStack } from '../support/isolated-stack.ts';
import { addContact, internalSessionId, linkSession, sendFromContact } from '../support/sim.ts';

const megabyte = 1024 * 1024;

/** A stack of its own, whose connector stores inbound media up to 1 MB only. */
describe('inbound media over the size cap', () => {
  let stack: IsolatedStack;
  let apiKey: string;
  let session: string;
  let account: string;
  let contact: string;

  beforeAll(async () => {
    stack = await startIsolatedStack({ shardCount: 1 });
    await stack.startConnector({ INBOUND_MEDIA_MAX_BYTES: String(megabyte) });
    const registered = await api('/auth/register', {
      body: { email: `media-cap-${Date.now()}@example.com`, password: 'SecurePass123' },
      baseUrl: stack.apiUrl,
    });
    apiKey = registered.body.data.user.apiKey;
    ({ sessionId: session, phone: account } = await linkSession(apiKey, { baseUrl: stack.apiUrl }));
    contact = await addContact();
  });

  afterAll(() => stack?.stop());

  /** The received document of this file name, once its media has an outcome. */
  const receivedDocument = (fileName: string) =>
    pollUntil(
      async () =>
        (
          (await api(`/message/list?session=${session}&direction=in`, { headers: { 'x-api-key': apiKey }, baseUrl: stack.apiUrl })).body
            .data as { messageId: string; media?: { fileName?: string; stored: boolean; unavailableReason?: string } }[]
        ).find((message) => message.media?.fileName === fileName),
      (message) => message?.media?.stored === true || message?.media?.unavailableReason !== undefined,
      { timeoutMs: 20_000, intervalMs: 250, failure: (message) => `${fileName} has no media outcome; last: ${JSON.stringify(message)}` },
    );

  it('lists a document over the cap with its media unavailable and why, stores nothing of it, and stores one under the cap', async () => {
    // Prepare
    const document = (fileName: string, size: number) => ({
      type: 'document' as const,
      mimeType: 'application/pdf',
      fileName,
      base64: randomBytes(size).toString('base64'),
    });
    await sendFromContact(contact, account, document('big.pdf', 1.5 * megabyte));
    await sendFromContact(contact, account, document('small.pdf', megabyte / 2));

    // Act
    const big = await receivedDocument('big.pdf');
    const small = await receivedDocument('small.pdf');
    const served = await fetch(`${stack.apiUrl}/message/media?session=${session}&messageId=${big?.messageId}`, {
      headers: { 'x-api-key': apiKey },
      redirect: 'manual',
    });

    // Assess
    expect(big?.media).toMatchObject({ stored: false, unavailableReason: 'larger than the 1 MB limit' });
    expect(small?.media).toMatchObject({ stored: true, size: megabyte / 2 });
    expect(served.status).toBe(404);
    expect(await served.json()).toEqual({ success: false, error: 'No media for this message' });
    const stored = await s3Client().send(
      new ListObjectsV2Command({
        Bucket: config().MEDIA_BUCKET_NAME,
        Prefix: mediaObjectKey(await internalSessionId(apiKey, session), ''),
      }),
    );
    expect((stored.Contents ?? []).map((object) => object.Key)).toEqual([
      mediaObjectKey(await internalSessionId(apiKey, session), small?.messageId ?? ''),
    ]);
  });
});
