import type { AnyMessageContent } from '@whiskeysockets/baileys';
import type { QueuedContent } from '../../shared/queues/send.ts';
import { fetchMedia } from '../media/safe-fetch.ts';

/** The Baileys content of a message; media is downloaded here, through the SSRF-safe fetcher. */
export async function messageContent(message: QueuedContent, allowHosts: string[]): Promise<AnyMessageContent> {
  if (message.type === 'text') return { text: message.text ?? '' };
  const media = await fetchMedia(message.mediaUrl ?? '', { kind: message.type, allowHosts });
  if (message.type === 'image') return { image: media.bytes, mimetype: media.contentType, caption: message.text };
  if (message.type === 'sticker') return { sticker: media.bytes, mimetype: 'image/webp' };
  return {
    document: media.bytes,
    mimetype: media.contentType,
    fileName: message.documentName ?? media.fileName ?? 'document',
    caption: message.text,
  };
}
