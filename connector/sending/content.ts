import type { AnyMessageContent } from '@whiskeysockets/baileys';
import { MEDIA_MAX_BYTES } from '../../shared/messages/media-limits.ts';
import type { QueuedContent } from '../../shared/queues/send.ts';
import { fetchMedia } from '../media/safe-fetch.ts';
import { keepWhileSending, type KeptMedia } from './kept-media.ts';

/** What a send hands to Baileys, and for media the branch kept in the media store as it goes. */
export interface PreparedContent {
  content: AnyMessageContent;
  media?: KeptMedia;
}

/**
 * The Baileys content of a message; media is downloaded through the SSRF-safe fetcher and handed
 * over as its stream, not a Buffer. Baileys encrypts a stream chunk by chunk into a temporary file,
 * uploads from that file and deletes it (also when the stream fails), so a send holds a few chunks
 * in memory whatever the media's size and however many sends are in hand: no byte budget is needed.
 * The same download is teed into the media store under the message (kept-media.ts). A download that
 * fails mid-stream (too large, timed out) throws its MediaFetchError from `sendMessage`. Send the
 * content at once: until it is read, its download holds a connection.
 */
export async function messageContent(
  message: QueuedContent & { sessionId: string; messageId: string },
  allowHosts: string[],
): Promise<PreparedContent> {
  if (message.type === 'text') return { content: { text: message.text ?? '' } };
  const fetched = await fetchMedia(message.mediaUrl ?? '', { kind: message.type, allowHosts });
  const fileName = message.documentName ?? fetched.fileName ?? 'document';
  const mimetype = message.type === 'sticker' ? 'image/webp' : fetched.contentType;
  const media = keepWhileSending(fetched.body, message, {
    maxBytes: MEDIA_MAX_BYTES[message.type],
    declaredBytes: fetched.declaredBytes,
    mimeType: mimetype,
    ...(message.type === 'document' ? { fileName } : {}),
  });
  const upload = { stream: media.body };
  if (message.type === 'image') return { content: { image: upload, mimetype, caption: message.text }, media };
  if (message.type === 'sticker') return { content: { sticker: upload, mimetype }, media };
  return { content: { document: upload, mimetype, fileName, caption: message.text }, media };
}
