import { createHash, randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { messageIdOfWa } from '../../shared/ids.ts';
import { api } from '../support/http.ts';
import { pollUntil } from '../support/poll.ts';
import { startMediaServer, type MediaServer } from '../support/media-server.ts';
import { addContact, linkSession, sim, textOf, waitForReceived } from '../support/sim.ts';
import { registerUser, type TestUser } from '../support/users.ts';

// Real images: the connector checks media by its bytes. The photo's pixels are noise, so it does not compress away.
const png = await sharp(randomBytes(40 * 30 * 3), { raw: { width: 40, height: 30, channels: 3 } })
  .png()
  .toBuffer();
// A sticker as WhatsApp shows it, so it goes out as it is: a 512×512 WebP.
const webp = await sharp({ create: { width: 512, height: 512, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
  .webp()
  .toBuffer();

const key = (apiKey: string) => ({ 'x-api-key': apiKey });
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The message's entry in the session's queue status once it reaches one of `wanted`. */
async function waitForMessageStatus(apiKey: string, session: string, messageId: string, wanted: string[], timeoutMs = 15_000) {
  const entryOf = async () =>
    (await api(`/message/queue-status?session=${session}`, { headers: key(apiKey) })).body.queue.find(
      (queued: { messageId: string }) => queued.messageId === messageId,
    );
  return pollUntil(entryOf, (entry) => wanted.includes(entry?.status), {
    timeoutMs,
    failure: (entry) => `message ${messageId} did not reach ${wanted.join('/')}; last: ${JSON.stringify(entry)}`,
  });
}

describe('sending', () => {
  let user: TestUser;
  let session: string;
  let media: MediaServer;
  const pdf = Buffer.from('%PDF-1.4 a quarterly report\n'.repeat(200));

  beforeAll(async () => {
    user = await registerUser();
    session = (await linkSession(user.apiKey)).sessionId;
    media = await startMediaServer({
      '/photo.png': { body: png, contentType: 'image/png' },
      '/report.pdf': { body: pdf, contentType: 'application/pdf' },
      '/sticker.webp': { body: webp, contentType: 'image/webp' },
    });
  });
  afterAll(() => media?.close());

  it('queues a text that the contact decrypts, then follows its receipts to read', async () => {
    const contact = await addContact();

    const sent = await api('/message/send-text', {
      body: { session, to: contact, text: 'Hello World!', is_group: false },
      headers: key(user.apiKey),
    });

    expect(sent.status).toBe(200);
    expect(sent.body).toEqual({
      success: true,
      messageId: expect.stringMatching(/^msg_[0-9A-Z]{26}$/),
      message: 'Message queued successfully',
    });
    const [received] = await waitForReceived(contact, 1);
    expect(textOf(received!)).toBe('Hello World!');
    expect(messageIdOfWa(received!.id)).toBe(sent.body.messageId);
    const read = await waitForMessageStatus(user.apiKey, session, sent.body.messageId, ['read']);
    expect(read).toMatchObject({ to: contact, type: 'text', status: 'read' });
    const status = await api(`/message/queue-status?session=${session}`, { headers: key(user.apiKey) });
    expect(status.body.stats.completed).toBeGreaterThanOrEqual(1);
  });

  it('sends the longest text allowed intact, too large to travel in its queue message', async () => {
    const contact = await addContact();
    const text = 'ü'.repeat(65_536);

    const sent = await api('/message/send-text', { body: { session, to: contact, text }, headers: key(user.apiKey) });

    expect(sent.status).toBe(200);
    const [received] = await waitForReceived(contact, 1);
    expect(textOf(received!)).toBe(text);
  });

  it.each([
    ['image', '/message/send-image', { image_url: '/photo.png', text: 'Check this out!' }, png],
    [
      'document',
      '/message/send-document',
      { document_url: '/report.pdf', document_name: 'q3-report.pdf', text: "Here's the document" },
      pdf,
    ],
    ['sticker', '/message/send-sticker', { image_url: '/sticker.webp' }, webp],
  ])('sends an %s whose bytes arrive intact, and serves what it sent from GET /message/media', async (type, path, fields, bytes) => {
    const contact = await addContact();
    const body = Object.fromEntries(
      Object.entries(fields).map(([name, value]) => [name, name.endsWith('_url') ? `${media.url}${value}` : value]),
    );

    const sent = await api(path, { body: { session, to: contact, ...body }, headers: key(user.apiKey) });

    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    const [received] = await waitForReceived(contact, 1);
    expect(Buffer.from(received!.mediaBase64 ?? '', 'base64')).toEqual(bytes);
    if (type === 'image') expect(received!.message.imageMessage.caption).toBe('Check this out!');
    if (type === 'document') expect(received!.message.documentMessage.fileName).toBe('q3-report.pdf');
    if (type === 'sticker') expect(received!.message.stickerMessage).toBeTruthy();
    const query = new URLSearchParams({ session, messageId: sent.body.messageId }).toString();
    const status = await pollUntil(
      () => api(`/message/status?${query}`, { headers: key(user.apiKey) }),
      (answer) => answer.body.data?.media?.stored !== undefined,
      { timeoutMs: 10_000, failure: (answer) => `no media outcome: ${JSON.stringify(answer?.body)}` },
    );
    expect(status.body.data.media).toMatchObject({
      url: body[Object.keys(body).find((name) => name.endsWith('_url'))!],
      stored: true,
      size: bytes.length,
      sha256: sha256(bytes),
    });
    const download = await fetch(`${inject('apiUrl')}/message/media?${query}`, { headers: key(user.apiKey) });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(bytes);
  });

  it('sends to a group: every member decrypts it', async () => {
    const members = [await addContact(), await addContact()];
    const group = await sim('/groups', { subject: 'Team', contacts: members, accounts: [session] });

    const sent = await api('/message/send-text', {
      body: { session, to: group.body.jid, text: 'Hello team', is_group: true },
      headers: key(user.apiKey),
    });

    expect(sent.status).toBe(200);
    for (const member of members) {
      const [received] = await waitForReceived(member, 1);
      expect(received!.to).toBe(group.body.jid);
    }
  });

  it('fails a message to a number that is not on WhatsApp, with the reason', async () => {
    const stranger = await addContact({ onWhatsApp: false });

    const sent = await api('/message/send-text', { body: { session, to: stranger, text: 'anyone?' }, headers: key(user.apiKey) });

    const failed = await waitForMessageStatus(user.apiKey, session, sent.body.messageId, ['failed']);
    expect(failed.failureReason).toBe('recipient is not on WhatsApp');
  });

  it('fails a message whose media cannot be fetched, with the reason', async () => {
    const contact = await addContact();

    const sent = await api('/message/send-image', {
      body: { session, to: contact, image_url: `${media.url}/missing.png` },
      headers: key(user.apiKey),
    });

    const failed = await waitForMessageStatus(user.apiKey, session, sent.body.messageId, ['failed']);
    expect(failed.failureReason).toMatch(/404/);
  });

  it('keeps the deprecated GET /message/send-text working, with Deprecation, Sunset and a Link to the POST', async () => {
    const contact = await addContact();
    const query = new URLSearchParams({ session, to: contact, text: 'from a link', is_group: 'false' });

    const sent = await api(`/message/send-text?${query.toString()}`, { headers: key(user.apiKey) });

    expect(sent.status).toBe(200);
    expect(sent.headers.get('deprecation')).toMatch(/^@\d+$/);
    expect(sent.headers.get('sunset')).toMatch(/GMT$/);
    const successor = /^<([^>]+)>; rel="successor-version"$/.exec(sent.headers.get('link') ?? '')?.[1] ?? '';
    // Resolved against the request's URL, so it holds behind API Gateway's stage prefix too.
    expect(new URL(successor, 'https://api.example.com/prod/message/send-text?session=s').pathname).toBe('/prod/message/send-text');
    expect(textOf((await waitForReceived(contact, 1))[0]!)).toBe('from a link');
  });

  it('spaces one session’s sends by at least the minimum gap', async () => {
    const contact = await addContact({ autoReceipts: { delivery: false, read: false } });
    for (const text of ['one', 'two', 'three', 'four']) {
      expect((await api('/message/send-text', { body: { session, to: contact, text }, headers: key(user.apiKey) })).status).toBe(200);
    }

    const received = await waitForReceived(contact, 4);

    const texts = received.map(textOf);
    expect(texts).toEqual(['one', 'two', 'three', 'four']);
    const times = received.map((message) => Date.parse(message.receivedAt));
    const gaps = times.slice(1).map((time, index) => time - times[index]!);
    console.log(`paced gaps between arrivals (min gap 150 ms + jitter 50 ms in tests): ${gaps.join(', ')} ms`);
    // Sends leave at least 150 ms apart; arrivals may shift a little either way. Unpaced, they land 5-20 ms apart.
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(120);
  });
});
