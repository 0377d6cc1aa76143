/**
 * The real type of media, from its first bytes (magic numbers, by `file-type`), whatever its
 * Content-Type said: a PDF served as image/png, or an MP3 sent as a voice note, fails the message
 * with the reason before anything is uploaded.
 */
import { Readable } from 'node:stream';
import { bytesProblem, SNIFF_BYTES, type SniffedKind } from '../../shared/messages/media-bytes.ts';
import { MediaFetchError } from './media-fetch-error.ts';

/** A body checked by its first bytes: the same bytes, and their real type. */
export interface SniffedMedia {
  body: Readable;
  /** The type the bytes are, e.g. `image/png` or `audio/ogg; codecs=opus`; undefined for a document `file-type` does not know. */
  type?: string;
}

/**
 * Reads the first SNIFF_BYTES of `source` (or all of it, if shorter), checks their type against
 * `kind`, and answers a stream of the same bytes: the head it read, then the rest as it comes, so the
 * media is still never held whole. Rejects with a MediaFetchError, the source destroyed, when the
 * bytes are not of the kind, or the download fails before the head is read.
 */
export async function sniffMedia(source: Readable, kind: SniffedKind): Promise<SniffedMedia> {
  const chunks = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const head: Buffer[] = [];
  let length = 0;
  let ended = false;
  try {
    while (length < SNIFF_BYTES) {
      const next = await chunks.next();
      if (next.done) {
        ended = true;
        break;
      }
      head.push(next.value);
      length += next.value.length;
    }
    const start = Buffer.concat(head);
    const { type, problem } = await bytesProblem(start, kind);
    if (problem !== undefined) throw new MediaFetchError(problem);
    return { body: Readable.from(replay(start, ended ? undefined : chunks), { objectMode: false }), ...(type ? { type } : {}) };
  } catch (error) {
    source.destroy();
    throw error;
  }
}

/** The head, then the rest of the source; stopping early (the reader went away) stops the source too. */
async function* replay(start: Buffer, rest: AsyncIterator<Buffer> | undefined): AsyncGenerator<Buffer> {
  yield start;
  if (!rest) return;
  try {
    for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
  } finally {
    await rest.return?.();
  }
}
