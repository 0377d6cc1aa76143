import { createHash, randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../support/http.ts';
import { startMediaServer, type MediaServer } from '../support/media-server.ts';
import { mediaSamples } from '../support/media-samples.ts';
import { addContact, linkSession, waitForReceived } from '../support/sim.ts';
import { registerUser, type TestUser } from '../support/users.ts';

// Real image bytes: the connector checks media by its bytes. Noise, so it does not compress away.
const png = await sharp(randomBytes(40 * 30 * 3), { raw: { width: 40, height: 30, channels: 3 } })
  .png()
  .toBuffer();
const pdf = Buffer.from('%PDF-1.4 an uploaded report\n'.repeat(300));

const key = (apiKey: string) => ({ 'x-api-key': apiKey });
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

interface UploadForm {
  mediaId: string;
  uploadUrl: string;
  fields: Record<string, string>;
}

/** Posts `bytes` with the form's fields as a browser would: the fields, then the file. */
function postUpload(form: UploadForm, bytes: Buffer, type: string, extraFields: Record<string, string> = {}) {
  const body = new FormData();
  for (const [name, value] of Object.entries({ ...form.fields, ...extraFields })) body.append(name, value);
  body.append('file', new Blob([new Uint8Array(bytes)], { type }), 'upload');
  return fetch(form.uploadUrl, { method: 'POST', body });
}

async function createUpload(apiKey: string, body: Record<string, unknown>) {
  return api('/media', { body, headers: key(apiKey) });
}

describe('media from a URL, base64 or an upload', () => {
  let user: TestUser;
  let session: string;
  let media: MediaServer;

  beforeAll(async () => {
    user = await registerUser();
    session = (await linkSession(user.apiKey)).sessionId;
    media = await startMediaServer({
      '/photo.png': { body: png, contentType: 'image/png' },
      '/report.pdf': { body: pdf, contentType: 'application/pdf' },
    });
  });
  afterAll(() => media?.close());

  it('sends the same bytes to the contact whichever of the three the image comes from', async () => {
    const created = await createUpload(user.apiKey, { mime_type: 'image/png', size: png.length });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.data).toMatchObject({ mediaId: expect.stringMatching(/^med_/), fields: expect.any(Object) });
    const posted = await postUpload(created.body.data, png, 'image/png');
    expect(posted.status, await posted.text()).toBe(204);

    const sources = [
      { image_url: `${media.url}/photo.png` },
      { media_base64: png.toString('base64'), mime_type: 'image/png' },
      { media_id: created.body.data.mediaId },
    ];
    const hashes: string[] = [];
    for (const source of sources) {
      const contact = await addContact();
      const sent = await api('/message/send-image', { body: { session, to: contact, text: 'same', ...source }, headers: key(user.apiKey) });
      expect(sent.status, JSON.stringify(sent.body)).toBe(200);
      const [received] = await waitForReceived(contact, 1);
      expect(received!.message.imageMessage.mimetype).toBe('image/png');
      hashes.push(sha256(Buffer.from(received!.mediaBase64 ?? '', 'base64')));
    }
    expect(hashes).toEqual([sha256(png), sha256(png), sha256(png)]);
  });

  it('sends an uploaded document under the name it was uploaded with, any number of times', async () => {
    const created = await createUpload(user.apiKey, { mime_type: 'application/pdf', size: pdf.length, file_name: 'q3.pdf' });
    expect((await postUpload(created.body.data, pdf, 'application/pdf')).status).toBe(204);

    for (let round = 0; round < 2; round++) {
      const contact = await addContact();
      const sent = await api('/message/send-document', {
        body: { session, to: contact, media_id: created.body.data.mediaId },
        headers: key(user.apiKey),
      });
      expect(sent.status, JSON.stringify(sent.body)).toBe(200);
      const [received] = await waitForReceived(contact, 1);
      expect(received!.message.documentMessage.fileName).toBe('q3.pdf');
      expect(sha256(Buffer.from(received!.mediaBase64 ?? '', 'base64'))).toBe(sha256(pdf));
    }
  });

  it('has the local S3 refuse an upload larger than declared, of another type, or with a field the policy does not name', async () => {
    const created = await createUpload(user.apiKey, { mime_type: 'image/png', size: png.length });
    const form: UploadForm = created.body.data;

    const larger = await postUpload(form, Buffer.concat([png, Buffer.from('x')]), 'image/png');
    expect(larger.status).toBe(400);
    expect(await larger.text()).toContain('EntityTooLarge');
    const smaller = await postUpload(form, png.subarray(1), 'image/png');
    expect(smaller.status).toBe(400);
    expect(await smaller.text()).toContain('EntityTooSmall');
    const otherType = await postUpload(form, png, 'image/png', { 'Content-Type': 'text/html' });
    expect(otherType.status).toBe(403);
    expect(await otherType.text()).toContain('Policy Condition failed');
    const extra = await postUpload(form, png, 'image/png', { 'x-amz-meta-note': 'hi' });
    expect(extra.status).toBe(403);
    expect(await extra.text()).toContain('Extra input fields');

    // Nothing was stored, so the upload cannot be sent yet.
    const sent = await api('/message/send-image', {
      body: { session, to: await addContact(), media_id: form.mediaId },
      headers: key(user.apiKey),
    });
    expect(sent.status).toBe(400);
    expect(JSON.stringify(sent.body)).toContain('has not been uploaded');
  });

  it("refuses another tenant's media_id, and an unknown one, with 400", async () => {
    const created = await createUpload(user.apiKey, { mime_type: 'image/png', size: png.length });
    expect((await postUpload(created.body.data, png, 'image/png')).status).toBe(204);
    const other = await registerUser();
    const otherSession = (await linkSession(other.apiKey)).sessionId;

    for (const mediaId of [created.body.data.mediaId, 'med_01KUNKNOWN0000000000000000']) {
      const sent = await api('/message/send-image', {
        body: { session: otherSession, to: await addContact(), media_id: mediaId },
        headers: key(other.apiKey),
      });
      expect(sent.status).toBe(400);
      expect(JSON.stringify(sent.body)).toContain('unknown or has expired');
    }
  });

  it.each([
    ['none', {}],
    ['a URL and base64', { image_url: 'https://example.com/a.png', media_base64: 'iVBORw==', mime_type: 'image/png' }],
    ['base64 and a media_id', { media_base64: 'iVBORw==', mime_type: 'image/png', media_id: 'med_01K' }],
  ])('answers 400 naming the fields when the media is %s', async (_, source) => {
    const sent = await api('/message/send-image', { body: { session, to: '14155550123', ...source }, headers: key(user.apiKey) });
    expect(sent.status).toBe(400);
    expect(JSON.stringify(sent.body)).toContain('exactly one of image_url, media_base64, media_id');
  });

  it.each([
    ['not base64', { media_base64: 'not base64!', mime_type: 'image/png' }, 'standard padded base64'],
    ['empty', { media_base64: '', mime_type: 'image/png' }, 'must not be empty'],
    ['without mime_type', { media_base64: 'iVBORw==' }, 'is required with media_base64'],
  ])('answers 400 for base64 that is %s', async (_, source, problem) => {
    const sent = await api('/message/send-sticker', { body: { session, to: '14155550123', ...source }, headers: key(user.apiKey) });
    expect(sent.status).toBe(400);
    expect(JSON.stringify(sent.body)).toContain(problem);
  });

  /** Bytes of one kind sent as another: the API reads them (base64 as given, an upload's first 4 KB) and answers 400. */
  const misnamed = [
    [
      'an MP3 as a voice note',
      '/message/send-audio',
      { ptt: true },
      mediaSamples.mp3(),
      'audio/mpeg',
      'media is audio/mpeg, not an OGG/Opus voice note',
    ],
    ['a PDF as an image', '/message/send-image', {}, mediaSamples.pdf(), 'image/png', 'media is application/pdf, not an image'],
  ] as const;

  it.each(misnamed)(
    'answers 400 for base64 bytes that are not of their kind: %s, queueing nothing',
    async (_, path, fields, bytes, mimeType, problem) => {
      const sent = await api(path, {
        body: { session, to: '14155550123', ...fields, media_base64: bytes.toString('base64'), mime_type: mimeType },
        headers: key(user.apiKey),
      });

      expect(sent.status).toBe(400);
      expect(sent.body.error).toBe(`media_base64: ${problem}`);
    },
  );

  it.each(misnamed)(
    'answers 400 for an upload whose bytes are not of their kind: %s',
    async (_, path, fields, bytes, mimeType, problem) => {
      const created = await createUpload(user.apiKey, { mime_type: mimeType, size: bytes.length });
      const posted = await postUpload(created.body.data, bytes, mimeType);
      expect(posted.status, await posted.text()).toBe(204);

      const { mediaId } = created.body.data;
      const sent = await api(path, { body: { session, to: '14155550123', ...fields, media_id: mediaId }, headers: key(user.apiKey) });

      expect(sent.status).toBe(400);
      expect(sent.body.error).toBe(`media_id ${mediaId}: ${problem}`);
    },
  );

  it('takes a base64 body above MAX_BODY_BYTES on a media route, up to its own limit, and no other route does', async () => {
    const big = randomBytes(2_000_000).toString('base64');
    const contact = await addContact();
    const sent = await api('/message/send-document', {
      body: { session, to: contact, media_base64: big, mime_type: 'application/octet-stream', document_name: 'x.bin' },
      headers: key(user.apiKey),
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    const [received] = await waitForReceived(contact, 1);
    expect(sha256(Buffer.from(received!.mediaBase64 ?? '', 'base64'))).toBe(sha256(Buffer.from(big, 'base64')));

    const tooLarge = await api('/message/send-document', {
      body: { session, to: contact, media_base64: 'A'.repeat(6_100_000), mime_type: 'application/octet-stream' },
      headers: key(user.apiKey),
    });
    expect(tooLarge.status).toBe(413);
    const text = await api('/message/send-text', { body: { session, to: contact, text: big }, headers: key(user.apiKey) });
    expect(text.status).toBe(413);
  });
});
