import { waMessageIdOf } from '../ids.ts';
import { messageTypes, type MessageContent, type MessageType } from './content.ts';

/** Lifecycle: pending → processing → completed → delivered → read, or failed with a reason. */
export type MessageStatus = 'pending' | 'processing' | 'completed' | 'delivered' | 'read' | 'failed';

export { messageTypes, type MessageType } from './content.ts';
/** What a message seen on WhatsApp may be: what the API sends, what contacts send besides, and anything else. */
export type ReceivedMessageType = MessageType | 'video' | 'audio' | 'location' | 'contacts' | 'reaction' | 'unsupported';
// A set: kinds the API sends are received too.
export const receivedMessageTypes = [
  ...new Set<ReceivedMessageType>([...messageTypes, 'video', 'audio', 'location', 'contacts', 'reaction', 'unsupported']),
] as [ReceivedMessageType, ...ReceivedMessageType[]];

/** The seed's four counters; delivered and read messages count as completed. */
export type StatsCounter = 'pending' | 'processing' | 'completed' | 'failed';

/** A message sent through the API, as the service makes it and the send path carries it. */
export interface Message {
  messageId: string;
  sessionId: string;
  /** The session's name when the message was stored (a session's name never changes): its events name it after the session is gone. */
  sessionName?: string;
  userId: number;
  shard: number;
  /** What it says: its kind and that kind's fields. */
  content: MessageContent;
  /** Digits of the recipient (E.164 without +), or a group id. */
  to: string;
  /** The WhatsApp address: `<digits>@s.whatsapp.net` or `<id>@g.us`. */
  jid: string;
  isGroup: boolean;
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
 * reason of `failed`), or what happened to a message on WhatsApp: received, edited (with the text
 * the edit left), deleted for everyone, or reacted to (`emoji` empty when a reaction is taken back;
 * `from` the reactor's number, absent when it is the session's own phone).
 */
export type HistoryEntry =
  | { status: MessageStatus; at: string; reason?: string }
  | { event: 'received' | 'edited' | 'deleted'; at: string; text?: string }
  | { event: 'reacted'; at: string; emoji: string; from?: string };

/** What a stored message changed on WhatsApp, after it was sent or received. */
interface Afterwards {
  history: HistoryEntry[];
  /** When its author last edited it. */
  editedAt?: string;
  /** When its author deleted it for everyone: its content is gone, its history stays. */
  deletedAt?: string;
}

/** A message sent through the API: stored with its direction, origin and the WhatsApp id it goes out under. */
export interface SentMessage extends Message, Afterwards {
  direction: 'out';
  origin: 'api';
  waMessageId: string;
  /** The media fetched from its source, as it was sent; its bytes are kept in the media store. */
  media?: MediaDescription;
  /** Its text or caption as the account's own phone last edited it. */
  editedText?: string;
}

/** What a media message is; its bytes live in the media store, never in the table. */
export interface MediaDescription {
  mimeType?: string;
  fileName?: string;
  size?: number;
  sha256?: string;
  seconds?: number;
  voiceNote?: boolean;
  /** Whether the bytes are in the media store; false with `unavailableReason` once that failed, without it while they are fetched. */
  stored: boolean;
  unavailableReason?: string;
}

export interface Location {
  latitude: number;
  longitude: number;
  name?: string;
  address?: string;
}

export interface ContactCard {
  name: string;
  vcard: string;
}

/** A poll: its question, its options and how many one voter may choose. */
export interface Poll {
  question: string;
  options: string[];
  selectableCount: number;
}

/** A reaction kept as a message of its own: its target was not one of the session's messages. */
export interface Reaction {
  emoji: string;
  targetWaMessageId: string;
}

/** What a message seen on WhatsApp holds; flat, one optional field per kind of content. */
export interface ReceivedContent {
  type: ReceivedMessageType;
  /** The text, or the caption of a media message. */
  text?: string;
  media?: MediaDescription;
  location?: Location;
  contacts?: ContactCard[];
  poll?: Poll;
  reaction?: Reaction;
  /** The WhatsApp id of the message it replies to. */
  quotedWaMessageId?: string;
  /** WhatsApp's name of a type this service does not read (`eventMessage`, …). */
  unsupportedType?: string;
}

/**
 * A message the session received from WhatsApp rather than sent: from a contact (`in`), or typed
 * on the account's own phone (`out`, origin `phone`: it has no send lifecycle, so no status). Kept
 * until `expiresAt` (epoch seconds, the table's TTL).
 */
export interface ReceivedMessage extends ReceivedContent, Afterwards {
  messageId: string;
  sessionId: string;
  sessionName?: string;
  userId: number;
  direction: 'in' | 'out';
  origin: 'contact' | 'phone';
  waMessageId: string;
  /** The chat: the contact's address (`…@s.whatsapp.net` or `…@lid`) or the group's (`<id>@g.us`). */
  jid: string;
  /** A group: its id. Otherwise the recipient's digits: the session's own number inbound, the contact's outbound. */
  to: string;
  isGroup: boolean;
  /** Inbound: the sender's number (E.164 with +) where WhatsApp lets it be resolved; in a group, the member. */
  from?: string;
  /** Inbound: the address WhatsApp named the sender by, and its LID where known. */
  fromJid?: string;
  fromLid?: string;
  /** The name the sender gave themselves. */
  pushName?: string;
  /** Our id of the message it replies to, when it is one of the session's. */
  quotedMessageId?: string;
  /** When its sender sent it, by WhatsApp's clock. */
  sentAt?: string;
  createdAt: string;
  updatedAt: string;
  expiresAt: number;
}

/** A message as stored and read back: sent through the API, or received from WhatsApp. */
export type StoredMessage = SentMessage | ReceivedMessage;

/** The message as storing it makes it: sent through the API, under the WhatsApp id derived from its id, its history begun. */
export function asStored(message: Message): SentMessage {
  return {
    ...message,
    direction: 'out',
    origin: 'api',
    waMessageId: waMessageIdOf(message.messageId),
    history: [{ status: message.status, at: message.createdAt }],
  };
}

/** Who reacts to a message now: the latest reaction of each reactor, without those taken back. */
export function reactionsOf(history: HistoryEntry[]): { emoji: string; from: string | null }[] {
  const latest = new Map<string | undefined, string>();
  for (const entry of history) if ('event' in entry && entry.event === 'reacted') latest.set(entry.from, entry.emoji);
  return [...latest].filter(([, emoji]) => emoji !== '').map(([from, emoji]) => ({ emoji, from: from ?? null }));
}
