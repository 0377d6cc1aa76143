import { Readable } from 'node:stream';
import type { AnyMessageContent, WAMessage } from '@whiskeysockets/baileys';
import type { ComposedContent, MediaContent, MessageContent } from '../../shared/messages/content.ts';
import { MEDIA_MAX_BYTES } from '../../shared/messages/media-limits.ts';
import { fetchMedia, type FetchedMedia } from '../media/safe-fetch.ts';
import { sniffMedia } from '../media/sniff.ts';
import { readUpload } from '../media/upload-read.ts';
import { stickerOf } from '../media/sticker.ts';
import { keepWhileSending, type KeptMedia } from './kept-media.ts';
import { quotedMessage } from './reply-context.ts';
import { contactsContent } from '../../shared/messages/vcard.ts';

/** What a send hands to Baileys, and for media the branch kept in the media store as it goes. */
export interface PreparedContent {
  content: AnyMessageContent;
  media?: KeptMedia;
  /** The message it replies to, for Baileys' `quoted` send option. */
  quoted?: WAMessage;
}

/** The message a content belongs to: its media is kept under it, and an upload it sends is its owner's. */
type Owner = { sessionId: string; messageId: string; userId: number };

/** What WhatsApp expects a voice note to be, and says it is. */
const voiceNoteType = 'audio/ogg; codecs=opus';

/**
 * The Baileys content of a message, a case for every kind. Media is downloaded through the
 * SSRF-safe fetcher and handed over as its stream, not a Buffer. Baileys encrypts a stream chunk by
 * chunk into a temporary file, uploads from that file and deletes it (also when the stream fails),
 * so a send holds a few chunks in memory whatever the media's size and however many sends are in
 * hand: no byte budget is needed. Its first bytes are checked before this answers (sniff.ts), so
 * media that is not of its kind fails before Baileys sees it. The same download is teed into the
 * media store under the message (kept-media.ts). A download that fails mid-stream (too large, timed
 * out) throws its MediaFetchError from `sendMessage`. Send the content at once: until it is read,
 * its download holds a connection.
 */
export async function messageContent(content: MessageContent, owner: Owner, allowHosts: string[]): Promise<PreparedContent> {
  switch (content.type) {
    case 'text':
      return withContext(content, { text: content.text });
    case 'image': {
      const { media, upload, mimetype } = await fetched(content, owner, allowHosts);
      return withContext(content, { image: upload, mimetype, caption: content.caption }, media);
    }
    case 'document': {
      const { media, upload, mimetype, fileName } = await fetched(content, owner, allowHosts);
      return withContext(content, { document: upload, mimetype, fileName, caption: content.caption }, media);
    }
    case 'sticker': {
      const { media, upload } = await fetched(content, owner, allowHosts);
      return withContext(content, { sticker: upload, mimetype: 'image/webp' }, media);
    }
    case 'location': {
      const { latitude: degreesLatitude, longitude: degreesLongitude, name, address } = content;
      return withContext(content, { location: { degreesLatitude, degreesLongitude, name, address } });
    }
    case 'contacts':
      return withContext(content, { contacts: contactsContent(content.contacts) });
    case 'poll':
      return withContext(content, { poll: { name: content.question, values: content.options, selectableCount: content.selectableCount } });
    case 'reaction':
      return { content: { react: { text: content.emoji, key: content.target.key } } };
    // Baileys has no edit of its own for a caption: the new words go as a text, and WhatsApp shows
    // them as the caption of a media target (as the phone's own edits of a caption arrive).
    case 'edit':
      return { content: { text: content.text, edit: content.target.key } };
    case 'delete':
      return { content: { delete: content.target.key } };
    case 'video': {
      const { media, upload, mimetype } = await fetched(content, owner, allowHosts);
      return withContext(content, { video: upload, caption: content.caption, gifPlayback: content.gifPlayback, mimetype }, media);
    }
    case 'audio': {
      const { media, upload, mimetype } = await fetched(content, owner, allowHosts);
      return withContext(content, { audio: upload, mimetype: content.ptt ? voiceNoteType : mimetype, ptt: content.ptt }, media);
    }
    default:
      return content satisfies never;
  }
}

/**
 * A message with what it replies to and, in a group, whom it mentions: Baileys puts both in the
 * message's contextInfo (stanzaId and participant of the quote, mentionedJid) whatever its kind.
 */
function withContext(content: ComposedContent, message: AnyMessageContent, media?: KeptMedia): PreparedContent {
  const mentions = content.mentions?.length ? { mentions: content.mentions } : {};
  const quoted = quotedMessage(content.quoted);
  return { content: { ...message, ...mentions }, ...(media ? { media } : {}), ...(quoted ? { quoted } : {}) };
}

/**
 * The media of `content`, downloading (or read from the owner's upload), checked by its first bytes, teed into the media store, as
 * Baileys takes a stream. Its type is what the bytes are, not what the server declared. A sticker
 * is made a 512×512 WebP first, so that what is kept is what was sent.
 */
async function fetched(content: MediaContent, owner: Owner, allowHosts: string[]) {
  const { media: source } = content;
  const download: FetchedMedia =
    'url' in source ? await fetchMedia(source.url, { kind: content.type, allowHosts }) : await readUpload(owner.userId, source.mediaId);
  const fileName = (content.type === 'document' ? content.fileName : undefined) ?? download.fileName ?? 'document';
  const sniffed = await sniffMedia(download.body, { kind: content.type, ptt: content.type === 'audio' && content.ptt === true });
  const sticker = content.type === 'sticker' ? await stickerOf(sniffed.body) : undefined;
  const type = sticker ? 'image/webp' : typeOf(content.type, sniffed.type, download.contentType);
  const media = keepWhileSending(sticker ? Readable.from([sticker]) : sniffed.body, owner, {
    maxBytes: MEDIA_MAX_BYTES[content.type],
    declaredBytes: sticker ? sticker.length : download.declaredBytes,
    mimeType: type,
    ...(content.type === 'document' ? { fileName } : {}),
  });
  return { media, upload: { stream: media.body }, mimetype: type, fileName };
}

/** A document keeps the type its server declared (its bytes may be any file) unless it declared none; other kinds are what their bytes are. */
function typeOf(kind: MediaContent['type'], sniffed: string | undefined, declared: string): string {
  if (kind === 'document' && declared !== 'application/octet-stream') return declared;
  return sniffed ?? declared;
}
