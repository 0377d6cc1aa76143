import { Readable } from 'node:stream';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { MediaFetchError } from '../../connector/media/media-fetch-error.ts';
import { SNIFF_BYTES, sniffedTypeProblem } from '../../shared/messages/media-bytes.ts';
import { sniffMedia } from '../../connector/media/sniff.ts';
import { stickerOf } from '../../connector/media/sticker.ts';
import { mediaSamples } from '../support/media-samples.ts';

/** `bytes` as a download delivers them: in chunks of `size`. */
const chunked = (bytes: Buffer, size = 1_000) =>
  Readable.from(Array.from({ length: Math.ceil(bytes.length / size) }, (_, index) => bytes.subarray(index * size, (index + 1) * size)));

const reasonOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'accepted',
    (error: unknown) => (error instanceof MediaFetchError ? error.reason : String(error)),
  );

describe('checking media by its first bytes', () => {
  it.each([
    ['image', false, 'image/png', undefined],
    ['image', false, 'application/pdf', 'media is application/pdf, not an image'],
    ['image', false, undefined, 'media is of an unknown type, not an image'],
    ['video', false, 'video/mp4', undefined],
    ['video', false, 'video/3gpp', undefined],
    ['video', false, 'video/quicktime', 'media is video/quicktime, not an MP4 or 3GPP video'],
    ['audio', false, 'audio/mpeg', undefined],
    ['audio', false, 'audio/ogg; codecs=opus', undefined],
    ['audio', false, 'audio/ogg', 'media is audio/ogg, not AAC, AMR, MP3, M4A or OGG/Opus audio'],
    ['audio', true, 'audio/ogg; codecs=opus', undefined],
    ['audio', true, 'audio/mpeg', 'media is audio/mpeg, not an OGG/Opus voice note'],
    ['sticker', false, 'image/png', undefined],
    ['document', false, 'application/x-msdownload', undefined],
    ['document', false, undefined, undefined],
  ] as const)('%s (ptt %s) of bytes %s: %s', (kind, ptt, detected, expected) => {
    expect(sniffedTypeProblem({ kind, ptt }, detected)).toBe(expected);
  });

  it('answers the very bytes it read, in order, with their type', async () => {
    const video = mediaSamples.mp4(20_000);

    const sniffed = await sniffMedia(chunked(video, 700), { kind: 'video' });

    expect(sniffed.type).toBe('video/mp4');
    expect(Buffer.concat(await sniffed.body.toArray())).toEqual(video);
  });

  it('reads no more than the head before it answers: the rest stays in the source', async () => {
    const video = mediaSamples.mp4(100_000);
    let read = 0;
    const source = chunked(video, 1_000).map((chunk: Buffer) => ((read += chunk.length), chunk));

    const sniffed = await sniffMedia(source, { kind: 'video' });

    expect(read).toBeLessThan(SNIFF_BYTES + 1_000 + 16 * 1_024);
    expect(Buffer.concat(await sniffed.body.toArray())).toEqual(video);
  });

  it('takes media shorter than the head', async () => {
    const voice = mediaSamples.opus(10);

    const sniffed = await sniffMedia(chunked(voice), { kind: 'audio', ptt: true });

    expect(sniffed.type).toBe('audio/ogg; codecs=opus');
    expect(Buffer.concat(await sniffed.body.toArray())).toEqual(voice);
  });

  it.each([
    ['a PDF as an image', mediaSamples.pdf(), { kind: 'image' }, 'media is application/pdf, not an image'],
    ['an MP3 as a voice note', mediaSamples.mp3(), { kind: 'audio', ptt: true }, 'media is audio/mpeg, not an OGG/Opus voice note'],
    [
      'an OGG/Vorbis as a voice note',
      mediaSamples.vorbis(),
      { kind: 'audio', ptt: true },
      'media is audio/ogg, not an OGG/Opus voice note',
    ],
    ['an MP3 as a video', mediaSamples.mp3(), { kind: 'video' }, 'media is audio/mpeg, not an MP4 or 3GPP video'],
  ] as const)('refuses %s, and stops the download', async (_, bytes, kind, expected) => {
    const source = chunked(bytes);

    const reason = await reasonOf(sniffMedia(source, kind));

    expect(reason).toBe(expected);
    expect(source.destroyed).toBe(true);
  });

  it("passes on the download's own failure", async () => {
    const failing = Readable.from(
      (async function* () {
        yield Buffer.from('ID3');
        throw new MediaFetchError('media is larger than 16 MB');
      })(),
    );

    expect(await reasonOf(sniffMedia(failing, { kind: 'audio' }))).toBe('media is larger than 16 MB');
  });
});

describe('stickers', () => {
  const image = (width: number, height: number) =>
    sharp({ create: { width, height, channels: 4, background: { r: 200, g: 30, b: 30, alpha: 1 } } });

  it('converts a PNG to a 512×512 WebP, contained on a transparent background', async () => {
    const png = await image(300, 150).png().toBuffer();

    const sticker = await stickerOf(Readable.from([png]));

    const metadata = await sharp(sticker).metadata();
    expect(metadata).toMatchObject({ format: 'webp', width: 512, height: 512, hasAlpha: true });
    const corner = await sharp(sticker).extract({ left: 0, top: 0, width: 1, height: 1 }).raw().toBuffer();
    expect(corner[3]).toBe(0);
  });

  it('resizes a WebP of another size', async () => {
    const webp = await image(1024, 1024).webp().toBuffer();

    const sticker = await stickerOf(Readable.from([webp]));

    expect(await sharp(sticker).metadata()).toMatchObject({ format: 'webp', width: 512, height: 512 });
  });

  it('sends a 512×512 WebP as it is', async () => {
    const webp = await image(512, 512).webp().toBuffer();

    expect(await stickerOf(Readable.from([webp]))).toEqual(webp);
  });

  it('refuses bytes that do not decode, and a sticker over WhatsApp’s limit', async () => {
    const noise = await sharp(Buffer.from(Array.from({ length: 512 * 512 * 3 }, () => Math.floor(Math.random() * 256))), {
      raw: { width: 512, height: 512, channels: 3 },
    })
      .webp({ lossless: true })
      .toBuffer();

    expect(await reasonOf(stickerOf(Readable.from([mediaSamples.brokenPng()])))).toBe('media is not an image that can be read');
    expect(await reasonOf(stickerOf(Readable.from([noise])))).toBe("sticker is larger than 100 KB as a 512×512 WebP (WhatsApp's limit)");
  });
});
