import type { MediaContent } from './content.ts';

/** The kinds of media a message can carry by URL, and the largest of each WhatsApp accepts. */
export type MediaKind = MediaContent['type'];

const kilobytes = (count: number) => count * 1024;
const megabytes = (count: number) => count * 1024 * 1024;

/**
 * WhatsApp's limits, from Meta's "Supported media types" of the Cloud API (as AWS End User Messaging
 * Social restates them: https://docs.aws.amazon.com/social-messaging/latest/userguide/supported-media-types.html):
 * video and audio 16 MB, image 5 MB, document 100 MB, sticker 100 KB static / 500 KB animated.
 * Two differ here, on purpose. Images stay at 16 MB: 5 MB is the Cloud API's own upload limit, while
 * this service sends as a linked device, as the WhatsApp app does, which takes 16 MB of any media;
 * lowering it would fail images that go out today. A sticker may be 1 MB as fetched, since one that is
 * not a 512×512 WebP is converted (connector/media/sticker.ts), and the result must then fit
 * STICKER_MAX_BYTES.
 */
export const MEDIA_MAX_BYTES: Readonly<Record<MediaKind, number>> = {
  image: megabytes(16),
  sticker: megabytes(1),
  document: megabytes(100),
  video: megabytes(16),
  audio: megabytes(16),
};

/** What WhatsApp takes of a sticker as sent (see MEDIA_MAX_BYTES). */
export const STICKER_MAX_BYTES = { static: kilobytes(100), animated: kilobytes(500) } as const;

/** "16 MB" or "100 KB", as a user reads a limit. */
export function describeSize(bytes: number): string {
  return bytes < megabytes(1) ? `${Math.round(bytes / kilobytes(1))} KB` : `${Math.round(bytes / megabytes(1))} MB`;
}
