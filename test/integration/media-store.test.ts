import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { s3Client } from '../../shared/aws-clients.ts';
import { config } from '../../shared/config.ts';
import { TooLarge } from '../../shared/errors.ts';
import { describeSize } from '../../shared/messages/media-limits.ts';
import {
  deleteSessionMedia,
  MediaIntegrityError,
  MediaStalled,
  mediaObjectKey,
  putMedia,
  signedMediaUrl,
} from '../../shared/messages/media-store.ts';

const megabyte = 1024 * 1024;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The bytes as a network download delivers them: in chunks of 64 KiB. */
function chunked(bytes: Buffer): Readable {
  return Readable.from(
    (function* () {
      for (let offset = 0; offset < bytes.length; offset += 65_536) yield bytes.subarray(offset, offset + 65_536);
    })(),
  );
}

async function storedKeys(prefix: string): Promise<string[]> {
  const page = await s3Client().send(new ListObjectsV2Command({ Bucket: config().MEDIA_BUCKET_NAME, Prefix: prefix }));
  return (page.Contents ?? []).map((object) => object.Key ?? '');
}

const newKey = () => mediaObjectKey(`ses_${randomUUID()}`, `msg_${randomUUID()}`);

describe('the media store', () => {
  it('streams media of several parts into the bucket, counting its size and SHA-256, and a signed URL serves the same bytes', async () => {
    const bytes = randomBytes(12 * megabyte);
    const key = newKey();

    const stored = await putMedia(key, chunked(bytes), { maxBytes: 100 * megabyte, contentType: 'video/mp4' });
    const downloaded = await fetch(await signedMediaUrl(key, 60));

    expect(stored).toEqual({ size: bytes.length, sha256: sha256(bytes) });
    expect(downloaded.status).toBe(200);
    expect(downloaded.headers.get('content-type')).toBe('video/mp4');
    expect(sha256(Buffer.from(await downloaded.arrayBuffer()))).toBe(sha256(bytes));
  });

  it('stores media that is exactly as large as the cap', async () => {
    const bytes = randomBytes(4_096);

    const stored = await putMedia(newKey(), chunked(bytes), { maxBytes: 4_096 });

    expect(stored.size).toBe(4_096);
  });

  it.each([
    ['in one part', 2_000, 5_000],
    ['in several parts', 6 * megabyte, 12 * megabyte],
  ])('aborts media over the cap (%s) and leaves nothing stored', async (_, maxBytes, size) => {
    const key = newKey();

    const put = putMedia(key, chunked(randomBytes(size)), { maxBytes });

    await expect(put).rejects.toThrow(TooLarge);
    await expect(put).rejects.toThrow(`larger than the ${describeSize(maxBytes)} limit`);
    expect(await storedKeys(key)).toEqual([]);
  });

  it('refuses media whose bytes do not hash to what the sender declared, and leaves nothing stored', async () => {
    const key = newKey();

    const put = putMedia(key, chunked(randomBytes(10_000)), { maxBytes: megabyte, expectedSha256: sha256(Buffer.from('something else')) });

    await expect(put).rejects.toThrow(MediaIntegrityError);
    expect(await storedKeys(key)).toEqual([]);
  });

  it('streams media of a declared size into one put, with no part held in memory', async () => {
    const bytes = randomBytes(7 * megabyte);
    const key = newKey();

    const stored = await putMedia(key, chunked(bytes), { maxBytes: 100 * megabyte, declaredBytes: bytes.length });
    const downloaded = await fetch(await signedMediaUrl(key, 60));

    expect(stored).toEqual({ size: bytes.length, sha256: sha256(bytes) });
    expect(sha256(Buffer.from(await downloaded.arrayBuffer()))).toBe(sha256(bytes));
  });

  it.each([
    ['shorter than declared', 10_000, 10_001, undefined, 'media is shorter than declared'],
    ['longer than declared', 10_000, 9_999, undefined, 'media is longer than declared'],
    ['of the declared size but not the declared hash', 10_000, 10_000, sha256(Buffer.from('else')), 'media does not match its SHA-256'],
  ])('refuses media %s, and leaves nothing stored', async (_, size, declaredBytes, expectedSha256, reason) => {
    const key = newKey();

    const put = putMedia(key, chunked(randomBytes(size)), { maxBytes: megabyte, declaredBytes, expectedSha256 });

    await expect(put).rejects.toThrow(new MediaIntegrityError(reason));
    expect(await storedKeys(key)).toEqual([]);
  });

  it('gives up on a source that stops sending without ending, and leaves nothing stored', async () => {
    const key = newKey();
    const stalled = new Readable({ read() {} });
    stalled.push(randomBytes(1_000));

    const put = putMedia(key, stalled, { maxBytes: megabyte, stallTimeoutMs: 300 });

    await expect(put).rejects.toThrow(MediaStalled);
    expect(stalled.destroyed).toBe(true);
    expect(await storedKeys(key)).toEqual([]);
  });

  it("deletes a session's media, and only that session's", async () => {
    const [removed, kept] = [`ses_${randomUUID()}`, `ses_${randomUUID()}`];
    const keys = [mediaObjectKey(removed, 'msg_1'), mediaObjectKey(removed, 'msg_2'), mediaObjectKey(kept, 'msg_1')];
    for (const key of keys) await putMedia(key, chunked(randomBytes(100)), { maxBytes: megabyte });

    await deleteSessionMedia(removed);

    expect(await storedKeys(mediaObjectKey(removed, ''))).toEqual([]);
    expect(await storedKeys(mediaObjectKey(kept, ''))).toEqual([keys[2]]);
  });
});
