import type { Caller } from '../auth/authenticate.ts';
import { InvalidInput } from '../errors.ts';
import type { MediaSource } from './content.ts';
import { bytesProblem } from './media-bytes.ts';
import { describeSize, MEDIA_MAX_BYTES, type MediaKind } from './media-limits.ts';
import { storeBase64Upload, usableUpload } from './media-uploads.ts';

/** The media fields of a send request, one of which its schema made sure is there. */
export interface RequestMedia {
  url?: string | undefined;
  media_base64?: string | undefined;
  mime_type?: string | undefined;
  media_id?: string | undefined;
}

/**
 * Where a send's media comes from: its URL as given; base64, decoded and stored as an upload of the
 * caller; or the caller's upload `media_id`, checked usable now (400 otherwise). `fileName` is the
 * name an upload was declared with, for a document that names none.
 */
export async function mediaSourceOf(
  caller: Caller,
  media: RequestMedia,
  kind: MediaKind,
  options: { ptt?: boolean } = {},
): Promise<{ source: MediaSource; fileName?: string }> {
  if (media.url !== undefined) return { source: { url: media.url } };
  if (media.media_base64 !== undefined) {
    const bytes = Buffer.from(media.media_base64, 'base64');
    if (bytes.length > MEDIA_MAX_BYTES[kind])
      throw new InvalidInput(`media_base64 is larger than the ${describeSize(MEDIA_MAX_BYTES[kind])} a ${kind} may be`);
    // Bytes in hand are checked now, a 400 rather than a failed message (a voice note that is not OGG/Opus, a PDF as an image).
    const { problem } = await bytesProblem(bytes, { kind, ptt: options.ptt });
    if (problem !== undefined) throw new InvalidInput(`media_base64: ${problem}`);
    const upload = await storeBase64Upload(caller.userId, bytes, media.mime_type ?? 'application/octet-stream');
    return { source: { mediaId: upload.mediaId } };
  }
  const upload = await usableUpload(caller.userId, media.media_id ?? '', { kind, ptt: options.ptt });
  return { source: { mediaId: upload.mediaId }, ...(upload.fileName ? { fileName: upload.fileName } : {}) };
}
