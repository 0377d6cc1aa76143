import { waMessageIdOf } from '../ids.ts';

/** Lifecycle: pending → processing → completed → delivered → read, or failed with a reason. */
export type MessageStatus = 'pending' | 'processing' | 'completed' | 'delivered' | 'read' | 'failed';
export const messageTypes = ['text', 'image', 'document', 'sticker'] as const;
export type MessageType = (typeof messageTypes)[number];

/** The seed's four counters; delivered and read messages count as completed. */
export type StatsCounter = 'pending' | 'processing' | 'completed' | 'failed';

/** A message sent through the API, as the service makes it and the send path carries it. */
export interface Message {
  messageId: string;
  sessionId: string;
  userId: number;
  shard: number;
  type: MessageType;
  /** Digits of the recipient (E.164 without +), or a group id. */
  to: string;
  /** The WhatsApp address: `<digits>@s.whatsapp.net` or `<id>@g.us`. */
  jid: string;
  isGroup: boolean;
  text?: string;
  mediaUrl?: string;
  documentName?: string;
  status: MessageStatus;
  failureReason?: string;
  attempts: number;
  createdAt: string;
  updatedAt: string;
  sentAt?: string;
  deliveredAt?: string;
  readAt?: string;
}

/**
 * One step of a message's story, oldest first: a status an outbound message reached (with the
 * reason of `failed`), or what happened to an inbound one (with the text an edit left).
 */
export type HistoryEntry =
  { status: MessageStatus; at: string; reason?: string } | { event: 'received' | 'edited' | 'deleted'; at: string; text?: string };

/**
 * A message as stored and read back. Storing adds what the caller does not choose: its direction
 * and origin (sent through the API, or typed on the account's own phone), the WhatsApp id it goes
 * out under, and its history, which every status transition appends to.
 */
export interface StoredMessage extends Message {
  direction: 'out';
  origin: 'api' | 'phone';
  waMessageId: string;
  history: HistoryEntry[];
}

/** The message as storing it makes it: sent through the API, under the WhatsApp id derived from its id, its history begun. */
export function asStored(message: Message): StoredMessage {
  return {
    ...message,
    direction: 'out',
    origin: 'api',
    waMessageId: waMessageIdOf(message.messageId),
    history: [{ status: message.status, at: message.createdAt }],
  };
}
