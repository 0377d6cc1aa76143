import { z } from 'zod';

/** Where a message's media comes from: a URL the connector fetches, SSRF-safe. */
export const mediaSourceSchema = z.object({ url: z.string() });
export type MediaSource = z.infer<typeof mediaSourceSchema>;

const caption = z.string().optional();

/**
 * What a message sent through the API says, one member per kind: the single description that the
 * send routes make, the table stores, the queue carries and the connector turns into a WhatsApp
 * message (with a case for every kind, which the compiler checks). Adding a kind is one member
 * here, one route, and the cases the compiler then asks for.
 */
export const messageContentSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string() }),
  z.object({ type: z.literal('image'), media: mediaSourceSchema, caption }),
  z.object({ type: z.literal('document'), media: mediaSourceSchema, fileName: z.string().optional(), caption }),
  z.object({ type: z.literal('sticker'), media: mediaSourceSchema }),
  z.object({ type: z.literal('video'), media: mediaSourceSchema, caption, gifPlayback: z.boolean().optional() }),
  /** `ptt`: a voice note, which must be OGG/Opus. */
  z.object({ type: z.literal('audio'), media: mediaSourceSchema, ptt: z.boolean().optional() }),
]);
export type MessageContent = z.infer<typeof messageContentSchema>;
export type MessageType = MessageContent['type'];
export type MediaContent = Extract<MessageContent, { media: MediaSource }>;

/** Whether each kind carries media: a record, so a kind added to the union without an entry does not compile. */
const carriesMedia: Record<MessageType, boolean> = { text: false, image: true, document: true, sticker: true, video: true, audio: true };

/** Every kind the API sends. */
export const messageTypes = Object.keys(carriesMedia) as [MessageType, ...MessageType[]];

export function hasMedia(content: MessageContent): content is MediaContent {
  return carriesMedia[content.type];
}

/** The words of a message: a text's text, a media message's caption. */
export function wordsOf(content: MessageContent): string | undefined {
  return 'text' in content ? content.text : 'caption' in content ? content.caption : undefined;
}

/**
 * The content of a message item stored before messages had one: its kind, text (or caption),
 * media URL and document name were attributes of their own.
 */
export function legacyContent(item: Record<string, unknown>): MessageContent {
  const text = typeof item.text === 'string' ? item.text : undefined;
  const media = { url: typeof item.mediaUrl === 'string' ? item.mediaUrl : '' };
  switch (item.type) {
    case 'image':
      return { type: 'image', media, caption: text };
    case 'document':
      return { type: 'document', media, fileName: typeof item.documentName === 'string' ? item.documentName : undefined, caption: text };
    case 'sticker':
      return { type: 'sticker', media };
    default:
      return { type: 'text', text: text ?? '' };
  }
}
