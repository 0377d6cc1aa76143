import type { MessageUpsertType, WAMessage, WAMessageContent, WAMessageKey } from '@whiskeysockets/baileys';
import type { ConnectorUpdate } from '../../shared/sessions/repository.ts';

/**
 * Everything a WhatsApp session reports, one member per kind. A session hands each to one `emit`;
 * the connector stores each kind with its own sink (`sinks/registry.ts`). A new kind is one member
 * here and one sink there: the registry's type asks for the sink.
 */
export type SessionEvent =
  /** Its status changed, or WhatsApp offered a QR or pairing code: a write fenced by the shard lease. */
  | { kind: 'session-state'; update: ConnectorUpdate }
  /** WhatsApp confirmed that a message we sent was delivered to, or read by, its recipient. */
  | { kind: 'receipt'; waMessageId: string; receipt: 'delivered' | 'read' }
  /**
   * A message in one of the account's chats, from a contact or sent on the account's own phone
   * (`key.fromMe`), as Baileys gave it. Protocol messages (edits, revokes) come too: they are also
   * reported as `message-edited` / `message-revoked`.
   */
  | { kind: 'message'; message: WAMessage; upsertType: MessageUpsertType }
  /**
   * The message `waMessageId` was edited to `content` (at `editedAt`, Unix seconds). `key` is the
   * edit's own, with the edited message's id: its chat, and who edited it.
   */
  | { kind: 'message-edited'; waMessageId: string; key: WAMessageKey; content: WAMessageContent; editedAt?: number }
  /** The message `waMessageId` was deleted for everyone. `key` is the deletion's own, with that id: its chat, and who deleted it. */
  | { kind: 'message-revoked'; waMessageId: string; key: WAMessageKey }
  /**
   * A contact's push name (the name they gave themselves), and/or which phone number a LID stands
   * for. `jid` is the address WhatsApp named the contact by; `lid` and `phoneJid` are its forms
   * where known. A name can come more than once (Baileys repeats each message's push name as a
   * contact update): storing it must be idempotent.
   */
  | { kind: 'contact-name'; jid: string; pushName?: string; lid?: string; phoneJid?: string };

export type SessionEventKind = SessionEvent['kind'];
export type SessionEventOf<K extends SessionEventKind> = Extract<SessionEvent, { kind: K }>;

/** What a sink knows of the session an event came from. */
export interface SinkContext {
  sessionId: string;
  /** The session's name, which never changes: stored on its messages. */
  sessionName: string;
  /** The session's owner, and its own number (E.164): what a message is stored under, and who it was sent to. */
  userId: number;
  phoneNumber: string;
  /** The phone number (`…@s.whatsapp.net`) Baileys' LID mapping holds for a LID, while the socket is open. */
  phoneOfLid: (lid: string) => Promise<string | undefined>;
  /** The fence of the session's shard while this connector holds it. */
  fence: () => number | undefined;
  /** Called when a fenced write was refused: a newer connector owns the session. */
  superseded: () => void;
}

/**
 * Stores one kind of event. Only the session-state sink answers: whether its fenced write was
 * written, which the session awaits to learn whether it still owns itself.
 */
export type Sink<K extends SessionEventKind> = (
  event: SessionEventOf<K>,
  context: SinkContext,
) => Promise<K extends 'session-state' ? boolean : void>;
