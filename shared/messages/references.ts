import { NotFound } from '../errors.ts';
import type { Session } from '../sessions/session.ts';
import { wordsOf, type MessageKey, type TargetMessage } from './content.ts';
import type { StoredMessage } from './message.ts';
import type { Recipient } from './recipient.ts';
import { getStoredMessage } from './repository.ts';

/**
 * What a send may point at: another stored message of the same session, sent or received, that a
 * reply quotes or a reaction targets. Resolved when the send is queued, so the content carries its
 * WhatsApp key and the connector reads nothing more.
 */

export const messageNotFoundMessage = 'Message not found';

/** The session's stored message `messageId`; another session's or tenant's, or one past its retention, is not found. */
export async function sessionMessage(session: Pick<Session, 'sessionId' | 'userId'>, messageId: string): Promise<StoredMessage> {
  const message = await getStoredMessage(messageId);
  if (!message || message.sessionId !== session.sessionId || message.userId !== session.userId) throw new NotFound(messageNotFoundMessage);
  return message;
}

/** Its key on WhatsApp. In a group, a message not ours names its author, which WhatsApp needs to find it. */
export function keyOf(message: StoredMessage): MessageKey {
  const fromMe = message.direction === 'out';
  const participant = message.origin !== 'api' && message.isGroup && !fromMe ? message.fromJid : undefined;
  return { remoteJid: message.jid, id: message.waMessageId, fromMe, ...(participant ? { participant } : {}) };
}

/** The message as a reply or reaction points at it: its ids, and for a quote's bubble its kind and words. */
export function targetOf(message: StoredMessage): TargetMessage {
  const text = wordsShown(message);
  const type = message.origin === 'api' ? message.content.type : message.type;
  return { messageId: message.messageId, key: keyOf(message), type, ...(text === undefined ? {} : { text }) };
}

function wordsShown(message: StoredMessage): string | undefined {
  if (message.deletedAt !== undefined) return undefined;
  if (message.origin !== 'api') return message.text ?? message.location?.name ?? message.contacts?.[0]?.name;
  const { content } = message;
  if (content.type === 'poll') return content.question;
  if (content.type === 'contacts') return content.contacts[0]?.name;
  if (content.type === 'location') return content.name;
  return message.editedText ?? wordsOf(content);
}

/**
 * The chat a message is in, as the recipient of a reaction to it. `to` (what the per-recipient
 * limit counts) is the group, or the other party's number: for a received message its sender's,
 * or the digits of its address when WhatsApp gave no number.
 */
export function chatOf(message: StoredMessage): Recipient {
  const { jid, isGroup } = message;
  if (message.origin === 'api' || message.direction === 'out' || isGroup) return { to: message.to, jid, isGroup };
  return { to: message.from?.replace(/^\+/, '') ?? jid.split('@')[0]!, jid, isGroup };
}

/** The JID WhatsApp mentions a number by. */
export const mentionJid = (phone: string) => `${phone.replace(/^\+/, '')}@s.whatsapp.net`;
