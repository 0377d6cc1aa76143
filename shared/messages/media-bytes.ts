/**
 * What media is, from its first bytes (magic numbers, by `file-type`), whatever its Content-Type or
 * `mime_type` said, and whether that may be sent as its kind: the connector checks every download,
 * the API the bytes it is given (base64) before queueing anything.
 */
import { fileTypeFromBuffer } from 'file-type';

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

/** The type the first bytes of some media are, and why they cannot be sent as `kind` (undefined when they can). */
export async function bytesProblem(head: Buffer, kind: SniffedKind): Promise<{ type?: string; problem?: string }> {
  const type = (await fileTypeFromBuffer(head.subarray(0, SNIFF_BYTES)))?.mime;
  const problem = sniffedTypeProblem(kind, type);
  return { ...(type === undefined ? {} : { type }), ...(problem === undefined ? {} : { problem }) };
}
