import type { MediaKind } from '../../shared/messages/media-limits.ts';

// What WhatsApp renders for each kind; a document may be anything but a web page.
const imageTypes = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif']);

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
      return type === 'image/webp' ? undefined : `media is not a WebP sticker (${shown})`;
    case 'document':
      return type === 'text/html' ? `media is a web page, not a document (${shown})` : undefined;
  }
}
