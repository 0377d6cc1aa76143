import { z } from 'zod';

/**
 * Where a message's media comes from: a URL the connector fetches, SSRF-safe, or an upload of the
 * message's owner in the media bucket (`media-uploads.ts`: sent as base64, or by a presigned POST),
 * which the connector reads from there.
 */
export const mediaSourceSchema = z.union([z.object({ url: z.string() }), z.object({ mediaId: z.string() })]);
export type MediaSource = z.infer<typeof mediaSourceSchema>;

const caption = z.string().optional();

/** A message's key on WhatsApp: what a reaction targets and a reply quotes. `participant`: its author in a group, when not ours. */
export const messageKeySchema = z.object({
  remoteJid: z.string(),
  id: z.string(),
  fromMe: z.boolean(),
  participant: z.string().optional(),
});
export type MessageKey = z.infer<typeof messageKeySchema>;

/**
 * A stored message of the session that a send points at, resolved when it is queued: our id (shown
 * as `quotedMessageId`), its WhatsApp key, and for a quote the little of it WhatsApp shows in the
 * bubble (its kind and words), so the connector needs no table read.
 */
export const targetMessageSchema = z.object({
  messageId: z.string(),
  key: messageKeySchema,
  type: z.string().optional(),
  text: z.string().optional(),
});
export type TargetMessage = z.infer<typeof targetMessageSchema>;

/**
 * What any message but a reaction may add: the message it replies to (`quoted`), and in a group the
 * JIDs it mentions. They live in the content, as on WhatsApp (its contextInfo is part of the
 * message), so table, queue and connector carry them without a field of their own.
 */
const context = { quoted: targetMessageSchema.optional(), mentions: z.array(z.string()).optional() };

export const contactCardSchema = z.object({ name: z.string(), phone: z.string() });

/**
 * What a message sent through the API says, one member per kind: the single description that the
 * send routes make, the table stores, the queue carries and the connector turns into a WhatsApp
 * message (with a case for every kind, which the compiler checks). Adding a kind is one member
 * here, one route, and the cases the compiler then asks for.
 */
export const messageContentSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string(), ...context }),
  z.object({ type: z.literal('image'), media: mediaSourceSchema, caption, ...context }),
  z.object({ type: z.literal('document'), media: mediaSourceSchema, fileName: z.string().optional(), caption, ...context }),
  z.object({ type: z.literal('sticker'), media: mediaSourceSchema, ...context }),
  z.object({
    type: z.literal('location'),
    latitude: z.number(),
    longitude: z.number(),
    name: z.string().optional(),
    address: z.string().optional(),
    ...context,
  }),
  z.object({ type: z.literal('contacts'), contacts: z.array(contactCardSchema).min(1), ...context }),
  z.object({
    type: z.literal('poll'),
    question: z.string(),
    options: z.array(z.string()).min(2),
    selectableCount: z.number().int(),
    ...context,
  }),
  // The chat of a reaction is its target's; an empty emoji takes the reaction back.
  z.object({ type: z.literal('reaction'), emoji: z.string(), target: targetMessageSchema }),
  z.object({ type: z.literal('video'), media: mediaSourceSchema, caption, gifPlayback: z.boolean().optional(), ...context }),
  /** `ptt`: a voice note, which must be OGG/Opus. */
  z.object({ type: z.literal('audio'), media: mediaSourceSchema, ptt: z.boolean().optional(), ...context }),
  // Changes of a message the session sent, in its chat: `text` is the target's new text or caption.
  z.object({ type: z.literal('edit'), text: z.string(), target: targetMessageSchema }),
  z.object({ type: z.literal('delete'), target: targetMessageSchema }),
]);
export type MessageContent = z.infer<typeof messageContentSchema>;
export type MessageType = MessageContent['type'];
export type MediaContent = Extract<MessageContent, { media: MediaSource }>;
/** What points at another message and goes to its chat (a reaction, an edit, a delete): it has no context of its own. */
export type TargetingContent = Extract<MessageContent, { target: TargetMessage }>;
/** A message of its own, which may reply and mention. */
export type ComposedContent = Exclude<MessageContent, TargetingContent>;

/** Whether each kind carries media: a record, so a kind added to the union without an entry does not compile. */
const carriesMedia: Record<MessageType, boolean> = {
  text: false,
  image: true,
  document: true,
  sticker: true,
  video: true,
  audio: true,
  location: false,
  contacts: false,
  poll: false,
  reaction: false,
  edit: false,
  delete: false,
};

/** Every kind the API sends. */
export const messageTypes = Object.keys(carriesMedia) as [MessageType, ...MessageType[]];

export function hasMedia(content: MessageContent): content is MediaContent {
  return carriesMedia[content.type];
}

/** The words of a message: a text's text, a media message's caption. An edit's text is its target's, not its own. */
export function wordsOf(content: MessageContent): string | undefined {
  if (content.type === 'edit') return undefined;
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
