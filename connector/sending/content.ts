import type { AnyMessageContent } from '@whiskeysockets/baileys';
import type { QueuedContent } from '../../shared/queues/send.ts';
import { fetchMedia } from '../media/safe-fetch.ts';

/**
 * The Baileys content of a message; media is downloaded through the SSRF-safe fetcher and handed
 * over as its stream, not a Buffer. Baileys encrypts a stream chunk by chunk into a temporary file,
 * uploads from that file and deletes it (also when the stream fails), so a send holds a few chunks
 * in memory whatever the media's size and however many sends are in hand: no byte budget is needed.
 * A download that fails mid-stream (too large, timed out) throws its MediaFetchError from
 * `sendMessage`. Send the content at once: until it is read, its download holds a connection.
 */
export async function messageContent(message: QueuedContent, allowHosts: string[]): Promise<AnyMessageContent> {
  if (message.type === 'text') return { text: message.text ?? '' };
  const media = await fetchMedia(message.mediaUrl ?? '', { kind: message.type, allowHosts });
  const upload = { stream: media.body };
  if (message.type === 'image') return { image: upload, mimetype: media.contentType, caption: message.text };
  if (message.type === 'sticker') return { sticker: upload, mimetype: 'image/webp' };
  return {
    document: upload,
    mimetype: media.contentType,
    fileName: message.documentName ?? media.fileName ?? 'document',
    caption: message.text,
  };
}
