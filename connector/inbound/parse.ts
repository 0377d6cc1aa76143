import {
  getContentType,
  isJidGroup,
  isJidNewsletter,
  isJidStatusBroadcast,
  normalizeMessageContent,
  toNumber,
  WAMessageStubType,
  type proto,
  type WAMessage,
} from '@whiskeysockets/baileys';
import type { MediaDescription, ReceivedContent, ReceivedMessageType } from '../../shared/messages/message.ts';

/** A WhatsApp address as a message names it, and its other form (LID or phone number) where WhatsApp gave it. */
export interface Address {
  jid: string;
  alt?: string;
}

/** What a message in one of the account's chats brought, read from what Baileys gave. */
export interface InboundMessage {
  waMessageId: string;
  /** Typed on the account's own phone (or sent by this service: WhatsApp echoes those too). */
  fromMe: boolean;
  chat: Address;
  isGroup: boolean;
  /** Who wrote it, for a message not the account's own: the contact, or in a group the member. */
  sender?: Address;
  pushName?: string;
  /** When its sender sent it, by WhatsApp's clock. */
  sentAt?: Date;
  content: ReceivedContent;
  /**
   * Baileys folds an edit or a delete that arrives in the same batch as its message (an offline
   * backlog) into the message itself: it comes edited, or deleted without its content.
   */
  edited?: boolean;
  deleted?: boolean;
}

type MediaPart = proto.Message.IImageMessage &
  proto.Message.IVideoMessage &
  proto.Message.IAudioMessage &
  proto.Message.IDocumentMessage &
  proto.Message.IStickerMessage;

const mediaTypes: Partial<Record<keyof proto.IMessage, ReceivedMessageType>> = {
  imageMessage: 'image',
  videoMessage: 'video',
  audioMessage: 'audio',
  documentMessage: 'document',
  stickerMessage: 'sticker',
};

/**
 * What a message from `messages.upsert` brought, or undefined when it is not a message of a chat:
 * protocol messages (edits and deletes arrive as their own events), status updates, channel posts,
 * and notifications without content. A type this service does not read is `unsupported` with
 * WhatsApp's name for it, never dropped.
 */
export function parseInbound(message: WAMessage): InboundMessage | undefined {
  const { key } = message;
  const chat = key.remoteJid;
  if (!key.id || !chat || isJidStatusBroadcast(chat) || isJidNewsletter(chat)) return undefined;
  const deleted = !message.message && message.messageStubType === WAMessageStubType.REVOKE;
  const content: ReceivedContent | undefined = deleted ? { type: 'unsupported' } : contentOf(normalizeMessageContent(message.message));
  if (!content) return undefined;
  // Outside groups Baileys leaves `participant` empty, not undefined.
  const senderJid = key.fromMe ? undefined : key.participant || chat;
  return {
    waMessageId: key.id,
    fromMe: key.fromMe === true,
    chat: addressOf(chat, key.remoteJidAlt),
    isGroup: isJidGroup(chat) === true,
    sender: senderJid ? addressOf(senderJid, key.participant ? key.participantAlt : key.remoteJidAlt) : undefined,
    pushName: message.pushName || undefined,
    sentAt: message.messageTimestamp ? new Date(toNumber(message.messageTimestamp) * 1000) : undefined,
    content,
    ...(message.message?.editedMessage ? { edited: true } : {}),
    ...(deleted ? { deleted: true } : {}),
  };
}

const addressOf = (jid: string, alt: string | null | undefined): Address => (alt ? { jid, alt } : { jid });

/** The content of a message's part, or undefined for a protocol message or none at all. */
export function contentOf(message: proto.IMessage | undefined): ReceivedContent | undefined {
  const type = getContentType(message);
  if (!message || !type || type === 'protocolMessage') return undefined;
  const part = message[type];
  const quotedWaMessageId = typeof part === 'object' && part && 'contextInfo' in part ? part.contextInfo?.stanzaId || undefined : undefined;
  return { ...partContent(message, type), ...(quotedWaMessageId ? { quotedWaMessageId } : {}) };
}

function partContent(message: proto.IMessage, type: keyof proto.IMessage): ReceivedContent {
  const mediaType = mediaTypes[type];
  if (mediaType) return mediaContent(mediaType, message[type] as MediaPart);
  const { conversation, extendedTextMessage, locationMessage, contactMessage, contactsArrayMessage, reactionMessage } = message;
  const poll = message.pollCreationMessage ?? message.pollCreationMessageV2 ?? message.pollCreationMessageV3;
  switch (type) {
    case 'conversation':
      return { type: 'text', text: conversation ?? '' };
    case 'extendedTextMessage':
      return { type: 'text', text: extendedTextMessage?.text ?? '' };
    case 'locationMessage':
      return {
        type: 'location',
        location: {
          latitude: locationMessage?.degreesLatitude ?? 0,
          longitude: locationMessage?.degreesLongitude ?? 0,
          name: locationMessage?.name || undefined,
          address: locationMessage?.address || undefined,
        },
      };
    case 'contactMessage':
      return { type: 'contacts', contacts: [card(contactMessage)] };
    case 'contactsArrayMessage':
      return { type: 'contacts', contacts: (contactsArrayMessage?.contacts ?? []).map(card) };
    // The versions differ in how votes are encrypted, not in what the poll asks.
    case 'pollCreationMessage':
    case 'pollCreationMessageV2':
    case 'pollCreationMessageV3':
      return {
        type: 'poll',
        poll: {
          question: poll?.name ?? '',
          options: (poll?.options ?? []).map((option) => option.optionName ?? ''),
          selectableCount: poll?.selectableOptionsCount ?? 0,
        },
      };
    case 'reactionMessage':
      if (reactionMessage?.key?.id)
        return { type: 'reaction', reaction: { emoji: reactionMessage.text ?? '', targetWaMessageId: reactionMessage.key.id } };
  }
  return { type: 'unsupported', unsupportedType: type };
}

const card = (contact: proto.Message.IContactMessage | null | undefined) => ({
  name: contact?.displayName ?? '',
  vcard: contact?.vcard ?? '',
});

function mediaContent(type: ReceivedMessageType, part: MediaPart): ReceivedContent {
  const media: MediaDescription = {
    mimeType: part.mimetype || undefined,
    fileName: part.fileName || undefined,
    size: part.fileLength ? toNumber(part.fileLength) : undefined,
    seconds: part.seconds || undefined,
    voiceNote: type === 'audio' ? part.ptt === true : undefined,
    stored: false,
  };
  return { type, text: part.caption || undefined, media };
}
