import type { MediaContent } from './content.ts';

/** The kinds of media a message can carry by URL, and the largest of each WhatsApp accepts. */
export type MediaKind = MediaContent['type'];

const megabytes = (count: number) => count * 1024 * 1024;

export const MEDIA_MAX_BYTES: Readonly<Record<MediaKind, number>> = {
  image: megabytes(16),
  sticker: megabytes(1),
  document: megabytes(100),
};

/** "16 MB", as a user reads a limit. */
export function describeSize(bytes: number): string {
  return `${Math.round(bytes / megabytes(1))} MB`;
}
