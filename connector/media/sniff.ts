/**
 * The real type of media, from its first bytes (magic numbers, by `file-type`), whatever its
 * Content-Type said: a PDF served as image/png, or an MP3 sent as a voice note, fails the message
 * with the reason before anything is uploaded.
 */
import { Readable } from 'node:stream';
import { fileTypeFromBuffer } from 'file-type';
import { MediaFetchError } from './media-fetch-error.ts';

/** What is checked: the kind, and for audio whether it is a voice note. */
export type SniffedKind = { kind: 'image' | 'sticker' | 'video' | 'audio' | 'document'; ptt?: boolean };

/** `file-type` tells most formats within this many bytes; an OGG's codec is in its first page, well within. */
export const SNIFF_BYTES = 4_100;

const images = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];
const opus = 'audio/ogg; codecs=opus';

/** What the bytes of each kind may be (Meta's supported media types, see media-limits.ts), and how the kind is named in a reason. */
const accepted: Record<Exclude<SniffedKind['kind'], 'document'> | 'voice note', { types: string[]; named: string }> = {
  image: { types: images, named: 'an image' },
  sticker: { types: images, named: 'an image for a sticker' },
  video: { types: ['video/mp4', 'video/3gpp'], named: 'an MP4 or 3GPP video' },
  audio: {
    types: ['audio/aac', 'audio/amr', 'audio/mpeg', 'audio/mp4', 'audio/x-m4a', opus],
    named: 'AAC, AMR, MP3, M4A or OGG/Opus audio',
  },
  'voice note': { types: [opus], named: 'an OGG/Opus voice note' },
};

/**
 * Why media whose first bytes are of `detected` type (undefined: not a type `file-type` knows)
 * cannot be sent as `kind`, or undefined when it can. A document may be anything.
 */
export function sniffedTypeProblem({ kind, ptt }: SniffedKind, detected: string | undefined): string | undefined {
  if (kind === 'document') return undefined;
  const { types, named } = accepted[kind === 'audio' && ptt ? 'voice note' : kind];
  if (detected !== undefined && types.includes(detected)) return undefined;
  return `media is ${detected ?? 'of an unknown type'}, not ${named}`;
}

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
    const type = (await fileTypeFromBuffer(start))?.mime;
    const problem = sniffedTypeProblem(kind, type);
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
