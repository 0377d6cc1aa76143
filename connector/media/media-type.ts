import type { MediaKind } from '../../shared/messages/media-limits.ts';

// What WhatsApp renders for each kind (Meta's supported media types, see media-limits.ts); a
// document may be anything but a web page. The bytes are checked too, whatever is declared (sniff.ts).
const imageTypes = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif']);
const videoTypes = new Set(['video/mp4', 'video/3gpp']);
const audioTypes = new Set(['audio/aac', 'audio/amr', 'audio/mpeg', 'audio/mp4', 'audio/x-m4a', 'audio/ogg', 'audio/opus']);

/** The media type of a Content-Type header, lower-cased and without parameters ('' when absent). */
export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

/** Why a response of `type` cannot be sent as `kind`, or undefined when it can. */
export function mediaTypeProblem(kind: MediaKind, type: string): string | undefined {
  const shown = type || 'no content type';
  switch (kind) {
    case 'image':
      return imageTypes.has(type) ? undefined : `media is not an image (${shown})`;
    case 'sticker':
      // Any image will do: one that is not a 512×512 WebP is converted.
      return imageTypes.has(type) ? undefined : `media is not an image for a sticker (${shown})`;
    case 'video':
      return videoTypes.has(type) ? undefined : `media is not an MP4 or 3GPP video (${shown})`;
    case 'audio':
      return audioTypes.has(type) ? undefined : `media is not AAC, AMR, MP3, M4A or OGG audio (${shown})`;
    case 'document':
      return type === 'text/html' ? `media is a web page, not a document (${shown})` : undefined;
  }
}
