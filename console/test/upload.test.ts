import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { signedIn, signedOut } from '../src/api/auth-store.ts';
import { uploadMedia } from '../src/features/send/send-api.ts';
import { account, fakeNetwork, token } from './fetch-fake.ts';

const uploadUrl = 'http://127.0.0.1:4569/whatsapp-hub-media';
const created = {
  status: 200,
  body: {
    success: true,
    data: {
      mediaId: 'med_01ABC',
      uploadUrl,
      fields: { key: 'uploads/med_01ABC', 'Content-Type': 'image/png', Policy: 'policy', 'X-Amz-Signature': 'sig' },
      uploadExpiresAt: '2026-01-01T00:15:00Z',
      expiresAt: '2026-01-02T00:00:00Z',
    },
  },
};

describe('uploading a file for a media message', () => {
  beforeEach(() => signedIn({ token: token(Math.floor(Date.now() / 1000) + 3_600), refreshToken: 'r', account }));
  afterEach(() => {
    signedOut();
    vi.unstubAllGlobals();
  });

  it('reserves the upload, posts the presigned fields then the file to S3, and answers the media id', async () => {
    const { requests } = fakeNetwork({ 'POST /media': [created], [`POST ${uploadUrl}`]: [{ status: 204 }] });
    const file = new File([new Uint8Array([137, 80, 78, 71])], 'photo.png', { type: 'image/png' });

    expect(await uploadMedia(file)).toBe('med_01ABC');

    expect(await requests[0]!.json()).toEqual({ mime_type: 'image/png', size: 4, file_name: 'photo.png' });
    const posted = await requests[1]!.formData();
    expect([...posted.keys()]).toEqual(['key', 'Content-Type', 'Policy', 'X-Amz-Signature', 'file']);
    expect(await (posted.get('file') as File).arrayBuffer()).toEqual(await file.arrayBuffer());
    // The presigned form is its own credential: the API's never travel to the bucket.
    expect(requests[1]!.headers.get('x-api-key')).toBeNull();
    expect(requests[1]!.headers.get('Authorization')).toBeNull();
  });

  it("reports the API's error when the upload cannot be reserved", async () => {
    fakeNetwork({ 'POST /media': [{ status: 400, body: { success: false, error: 'size: must be at most 100 MB' } }] });
    await expect(uploadMedia(new File(['x'], 'a.bin'))).rejects.toThrow('size: must be at most 100 MB');
  });

  it("reports the storage's reason when S3 refuses the file", async () => {
    fakeNetwork({
      'POST /media': [created],
      [`POST ${uploadUrl}`]: [{ status: 403, body: '<Error><Code>AccessDenied</Code><Message>Policy expired</Message></Error>' }],
    });
    await expect(uploadMedia(new File(['x'], 'a.png', { type: 'image/png' }))).rejects.toThrow(
      'The file storage refused the upload (403): Policy expired.',
    );
  });
});
