/**
 * What a simulated phone can send, as one small tagged shape (the control API's `content`), and the
 * `proto.Message` a WhatsApp phone sends for it. Media goes through Baileys' own media code (media
 * key, HKDF by media type, AES-CBC + HMAC, hashes) and is stored on the media host.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { prepareWAMessageMedia, proto, type AnyMediaMessageContent, type WAMediaUploadFunction } from '@whiskeysockets/baileys';
import { z } from 'zod';
import type { MediaHostInfo } from './context.ts';
import { SimError } from './errors.ts';
import { normalizePhone } from './jids.ts';

export const phoneSchema = z.string().regex(/^\+?\d{6,15}$/, 'a phone number in international format');

const targetId = z.string().min(1);

export const messageContentSchema = z.discriminatedUnion('type', [
  z.object({ type: z.enum(['text', 'extendedText']), text: z.string().min(1) }),
  z.object({
    type: z.enum(['image', 'video', 'audio', 'document', 'sticker']),
    base64: z.base64(),
    mimeType: z.string().min(1),
    caption: z.string().optional(),
    fileName: z.string().optional(),
    voiceNote: z.boolean().optional(),
    seconds: z.number().int().nonnegative().optional(),
  }),
  z.object({
    type: z.literal('location'),
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
    name: z.string().optional(),
    address: z.string().optional(),
  }),
  z.object({ type: z.literal('contacts'), contacts: z.array(z.object({ name: z.string().min(1), phone: phoneSchema })).min(1) }),
  // An empty emoji takes a reaction back.
  z.object({ type: z.literal('reaction'), targetId, emoji: z.string(), targetFromMe: z.boolean().optional() }),
  z.object({ type: z.literal('edit'), targetId, text: z.string().min(1) }),
  z.object({ type: z.literal('revoke'), targetId }),
  z.object({ type: z.literal('poll'), question: z.string().min(1), options: z.array(z.string().min(1)).min(2) }),
  z.object({
    type: z.literal('raw'),
    message: z.custom<proto.IMessage>((value) => typeof value === 'object' && value !== null, 'a proto.Message as JSON'),
  }),
]);

export type MessageContent = z.infer<typeof messageContentSchema>;
type MediaContent = Extract<MessageContent, { base64: string }>;
type ContactCard = Extract<MessageContent, { type: 'contacts' }>['contacts'][number];

/** Who is who, in the addressing the message uses (PN or LID). */
export type Perspective = {
  /** The chat as the sender sees it: the other party, or the group. */
  chat: string;
  sender: string;
  /** The other party: the author of a quoted or reacted-to message the sender did not write. */
  peer: string;
  inGroup: boolean;
};

/** A message the sender replies to: its id, whether the sender wrote it, and its content when known. */
export type Quote = { id: string; fromMe?: boolean | undefined; message?: proto.IMessage | undefined };

// The parts of a message that can carry a reply's context.
const QUOTING_PARTS = [
  'extendedTextMessage',
  'imageMessage',
  'videoMessage',
  'audioMessage',
  'documentMessage',
  'stickerMessage',
  'locationMessage',
  'contactMessage',
  'contactsArrayMessage',
  'pollCreationMessage',
] as const satisfies (keyof proto.IMessage)[];

/** The key of a message in the chat, as the sender names it; in a group `participant` is its author. */
const keyOf = (perspective: Perspective, id: string, fromMe: boolean): proto.IMessageKey => ({
  remoteJid: perspective.chat,
  fromMe,
  id,
  ...(perspective.inGroup ? { participant: fromMe ? perspective.sender : perspective.peer } : {}),
});

const vcard = ({ name, phone }: ContactCard): string => {
  const digits = normalizePhone(phone);
  return ['BEGIN:VCARD', 'VERSION:3.0', `FN:${name}`, `TEL;type=CELL;type=VOICE;waid=${digits}:+${digits}`, 'END:VCARD'].join('\n');
};

const contactsMessage = (contacts: ContactCard[]): proto.IMessage => {
  const cards = contacts.map((contact) => ({ displayName: contact.name, vcard: vcard(contact) }));
  const [only] = cards;
  if (only && cards.length === 1) return { contactMessage: only };
  return { contactsArrayMessage: { displayName: `${cards.length} contacts`, contacts: cards } };
};

const storeOn =
  (media: MediaHostInfo): WAMediaUploadFunction =>
  async (encryptedFile) => {
    const { url, directPath } = media.store(await readFile(encryptedFile));
    return { mediaUrl: url, directPath };
  };

const mediaMessage = (content: MediaContent, media: MediaHostInfo): Promise<proto.IMessage> =>
  prepareWAMessageMedia(
    // Baileys' shape per media type, named by the content's own type ({ image: bytes, … }).
    {
      [content.type]: Buffer.from(content.base64, 'base64'),
      mimetype: content.mimeType,
      caption: content.caption,
      fileName: content.fileName,
      ptt: content.voiceNote,
      seconds: content.seconds,
    } as unknown as AnyMediaMessageContent,
    { upload: storeOn(media) },
  );

const rawMessage = (message: proto.IMessage): proto.IMessage => {
  try {
    return proto.Message.fromObject(message);
  } catch (error) {
    throw new SimError(400, `not a proto.Message: ${(error as Error).message}`);
  }
};

const contentMessage = async (content: MessageContent, perspective: Perspective, media: MediaHostInfo): Promise<proto.IMessage> => {
  switch (content.type) {
    case 'text':
      return { conversation: content.text };
    case 'extendedText':
      return { extendedTextMessage: { text: content.text } };
    case 'image':
    case 'video':
    case 'audio':
    case 'document':
    case 'sticker':
      return mediaMessage(content, media);
    case 'location':
      return {
        locationMessage: {
          degreesLatitude: content.latitude,
          degreesLongitude: content.longitude,
          name: content.name,
          address: content.address,
        },
      };
    case 'contacts':
      return contactsMessage(content.contacts);
    case 'reaction':
      return {
        reactionMessage: {
          key: keyOf(perspective, content.targetId, content.targetFromMe ?? false),
          text: content.emoji,
          senderTimestampMs: Date.now(),
        },
      };
    case 'edit':
      return {
        protocolMessage: {
          key: keyOf(perspective, content.targetId, true),
          type: proto.Message.ProtocolMessage.Type.MESSAGE_EDIT,
          editedMessage: { conversation: content.text },
          timestampMs: Date.now(),
        },
      };
    case 'revoke':
      return { protocolMessage: { key: keyOf(perspective, content.targetId, true), type: proto.Message.ProtocolMessage.Type.REVOKE } };
    case 'poll':
      return {
        pollCreationMessage: {
          name: content.question,
          options: content.options.map((optionName) => ({ optionName })),
          selectableOptionsCount: 1,
        },
        messageContextInfo: { messageSecret: randomBytes(32) },
      };
    case 'raw':
      return rawMessage(content.message);
  }
};

/** Adds a reply's context; a reply to a plain text is an extended text, as phones send it. */
const quoting = (message: proto.IMessage, quote: Quote, perspective: Perspective): proto.IMessage => {
  const reply = message.conversation ? { extendedTextMessage: { text: message.conversation } } : message;
  const contextInfo: proto.IContextInfo = {
    stanzaId: quote.id,
    participant: quote.fromMe ? perspective.sender : perspective.peer,
    ...(quote.message ? { quotedMessage: quote.message } : {}),
  };
  for (const part of QUOTING_PARTS) {
    const quotingPart = reply[part];
    if (quotingPart) {
      quotingPart.contextInfo = contextInfo;
      return reply;
    }
  }
  throw new SimError(400, 'only texts, media, locations, contacts and polls can quote a message');
};

/** The `proto.Message` for `content`, sent by `perspective.sender`, replying to `quote` if given. */
export const buildMessage = async (
  content: MessageContent,
  perspective: Perspective,
  quote: Quote | undefined,
  media: MediaHostInfo,
): Promise<proto.IMessage> => {
  const message = await contentMessage(content, perspective, media);
  return quote ? quoting(message, quote, perspective) : message;
};
