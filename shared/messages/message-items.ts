import { z } from 'zod';
import { optionalText } from '../db.ts';
import { legacyContent, messageContentSchema } from './content.ts';
import { waMessageIdOf } from '../ids.ts';
import { keys } from '../keys.ts';
import {
  contactCardSchema,
  historyEntrySchema,
  locationSchema,
  mediaDescriptionSchema,
  messageStatusSchema,
  pollSchema,
  reactionSchema,
} from '../schemas/messages.ts';
import { asStored, receivedMessageTypes, type Message, type ReceivedMessage, type SentMessage, type StoredMessage } from './message.ts';

/** A message as its table item (with the keys of its listings) and back, the one place that maps them. */

export function messageRecord(message: Message) {
  return {
    ...keys.message(message.messageId),
    ...keys.messagesOfSession(message.sessionId, message.messageId),
    ...keys.pendingMessages(message.shard, message.createdAt),
    ...asStored(message),
    // Beside the content, as every message item has it: listings read it without knowing the kind's fields.
    type: message.content.type,
  };
}

const historySchema = z.array(historyEntrySchema).default([]);

/** The stored item as a message, without its storage keys. Items stored before messages had an origin were sent through the API. */
export function toMessage(item: Record<string, unknown>): StoredMessage {
  return item.origin === 'contact' || item.origin === 'phone' ? receivedSchema.parse(item) : toSentMessage(item);
}

/** A received message's item, its storage keys left out. */
const receivedSchema = z.object({
  messageId: z.string(),
  sessionId: z.string(),
  sessionName: z.string().optional(),
  userId: z.number(),
  direction: z.enum(['in', 'out']),
  origin: z.enum(['contact', 'phone']),
  waMessageId: z.string(),
  jid: z.string(),
  to: z.string(),
  isGroup: z.boolean(),
  from: z.string().optional(),
  fromJid: z.string().optional(),
  fromLid: z.string().optional(),
  pushName: z.string().optional(),
  type: z.enum(receivedMessageTypes),
  text: z.string().optional(),
  media: mediaDescriptionSchema.optional(),
  location: locationSchema.optional(),
  contacts: z.array(contactCardSchema).optional(),
  poll: pollSchema.optional(),
  reaction: reactionSchema.optional(),
  quotedWaMessageId: z.string().optional(),
  quotedMessageId: z.string().optional(),
  unsupportedType: z.string().optional(),
  sentAt: z.string().optional(),
  editedAt: z.string().optional(),
  deletedAt: z.string().optional(),
  history: historySchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  expiresAt: z.number(),
}) satisfies z.ZodType<ReceivedMessage>;

export function toSentMessage(item: Record<string, unknown>): SentMessage {
  const messageId = String(item.messageId);
  return {
    messageId,
    sessionId: String(item.sessionId),
    sessionName: optionalText(item, 'sessionName'),
    userId: Number(item.userId),
    shard: Number(item.shard),
    content: item.content === undefined ? legacyContent(item) : messageContentSchema.parse(item.content),
    to: String(item.to),
    jid: String(item.jid),
    isGroup: item.isGroup === true,
    status: messageStatusSchema.parse(item.status),
    failureReason: optionalText(item, 'failureReason'),
    attempts: Number(item.attempts),
    createdAt: String(item.createdAt),
    updatedAt: String(item.updatedAt),
    sentAt: optionalText(item, 'sentAt'),
    deliveredAt: optionalText(item, 'deliveredAt'),
    readAt: optionalText(item, 'readAt'),
    media: mediaDescriptionSchema.optional().parse(item.media),
    direction: 'out',
    origin: 'api',
    waMessageId: optionalText(item, 'waMessageId') ?? waMessageIdOf(messageId),
    history: historySchema.parse(item.history),
    // An edit sets `text` (received.ts); before messages had a content, `text` was the message's own.
    editedText: item.content === undefined ? undefined : optionalText(item, 'text'),
    editedAt: optionalText(item, 'editedAt'),
    deletedAt: optionalText(item, 'deletedAt'),
  };
}
