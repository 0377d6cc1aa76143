import { randomBytes } from 'node:crypto';

/**
 * Files whose first bytes are of a type (what `file-type` reads), filled with `size` random bytes
 * after: enough for a test of what the bytes say and whether they arrive intact, not playable.
 */
export const mediaSamples = {
  /** An ISO BMFF file of brand mp42. */
  mp4: (size = 4_000) => Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypmp42'), Buffer.alloc(12), randomBytes(size)]),
  /** An ID3v2 tag, then an MPEG audio frame header. */
  mp3: (size = 4_000) =>
    Buffer.concat([
      Buffer.from('ID3'),
      Buffer.from([4, 0, 0, 0, 0, 0, 10]),
      Buffer.alloc(10),
      Buffer.from([0xff, 0xfb, 0x90, 0x64]),
      randomBytes(size),
    ]),
  /** An OGG whose first page is an Opus head: what a voice note is. */
  opus: (size = 4_000) =>
    Buffer.concat([
      oggPage(Buffer.concat([Buffer.from('OpusHead'), Buffer.from([1, 1, 0x38, 1, 0x80, 0xbb, 0, 0, 0, 0, 0])])),
      randomBytes(size),
    ]),
  /** An OGG of Vorbis: audio, but not a voice note. */
  vorbis: (size = 4_000) =>
    Buffer.concat([oggPage(Buffer.concat([Buffer.from([1]), Buffer.from('vorbis'), randomBytes(23)])), randomBytes(size)]),
  pdf: () => Buffer.from('%PDF-1.4 a quarterly report\n'.repeat(200)),
  /** The PNG signature and noise: neither `file-type` nor a decoder reads it as an image. */
  brokenPng: (size = 3_000) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(size)]),
};

/** The first page of an OGG stream (beginning of stream, one segment) carrying `packet`. */
function oggPage(packet: Buffer): Buffer {
  const header = Buffer.alloc(28);
  header.write('OggS', 0);
  header[5] = 2;
  header[26] = 1;
  header[27] = packet.length;
  return Buffer.concat([header, packet]);
}
