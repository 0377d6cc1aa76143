import { normalizeMessageContent, type WAMessageContent, type WAMessageKey } from '@whiskeysockets/baileys';
import { newMessageId } from '../../shared/ids.ts';
import { logger } from '../../shared/logger.ts';
import type { HistoryEntry, ReceivedMessage } from '../../shared/messages/message.ts';
import {
  addReaction,
  applyDelete,
  applyEdit,
  findByWaMessageId,
  isSentThroughApi,
  retainedUntil,
  storeReceived,
} from '../../shared/messages/received.ts';
import { phoneDigits } from '../../shared/sessions/phone.ts';
import type { SinkContext } from '../sessions/session-events.ts';
import { contentOf, type InboundMessage } from './parse.ts';
import { isChatOf, partyOf, wrote, type Party } from './parties.ts';

type Session = Pick<SinkContext, 'sessionId' | 'sessionName' | 'userId' | 'phoneNumber' | 'phoneOfLid'>;

/**
 * Stores what a message brought: a reaction on the message it reacts to when that is one of the
 * session's, anything else as a received message. Answers the message when one was stored now;
 * undefined for a second delivery, a reaction recorded on its target, or the account's own send
 * through the API coming back (it is stored already).
 */
export async function receive(inbound: InboundMessage, session: Session): Promise<ReceivedMessage | undefined> {
  const { sessionId } = session;
  if (inbound.fromMe && (await isSentThroughApi(sessionId, inbound.waMessageId))) return undefined;
  const at = new Date();
  const sender = inbound.sender && (await partyOf(inbound.sender, session.phoneOfLid));
  const { reaction } = inbound.content;
  if (reaction) {
    const chat = await partyOf(inbound.chat, session.phoneOfLid);
    const target = await findByWaMessageId(sessionId, reaction.targetWaMessageId);
    if (target && isChatOf(chat, target)) {
      const from = sender && (sender.phone ?? sender.lid ?? sender.jid);
      await addReaction(target, { waMessageId: inbound.waMessageId, emoji: reaction.emoji, from, at });
      return undefined;
    }
  }
  const message = await receivedMessage(inbound, sender, session, at);
  return (await storeReceived(message)) ? message : undefined;
}

async function receivedMessage(inbound: InboundMessage, sender: Party | undefined, session: Session, at: Date): Promise<ReceivedMessage> {
  const { sessionId, sessionName, userId } = session;
  const chat = await partyOf(inbound.chat, session.phoneOfLid);
  const quoted = inbound.content.quotedWaMessageId && (await findByWaMessageId(sessionId, inbound.content.quotedWaMessageId));
  const now = at.toISOString();
  const history: HistoryEntry[] = [{ event: 'received', at: now }];
  if (inbound.edited) history.push({ event: 'edited', at: now, text: inbound.content.text });
  if (inbound.deleted) history.push({ event: 'deleted', at: now });
  return {
    messageId: newMessageId(),
    sessionId,
    sessionName,
    userId,
    direction: inbound.fromMe ? 'out' : 'in',
    origin: inbound.fromMe ? 'phone' : 'contact',
    waMessageId: inbound.waMessageId,
    jid: chat.jid,
    to: recipientOf(inbound, chat, session),
    isGroup: inbound.isGroup,
    ...(sender ? { from: sender.phone, fromJid: sender.jid, fromLid: sender.lid, pushName: inbound.pushName } : {}),
    ...inbound.content,
    quotedMessageId: quoted ? quoted.messageId : undefined,
    sentAt: inbound.sentAt?.toISOString(),
    editedAt: inbound.edited ? now : undefined,
    deletedAt: inbound.deleted ? now : undefined,
    history,
    createdAt: now,
    updatedAt: now,
    expiresAt: retainedUntil(at),
  };
}

/** As the API names recipients: a group's id; a person's digits (the session's own for what it received). */
function recipientOf(inbound: InboundMessage, chat: Party, session: Session): string {
  if (inbound.isGroup) return chat.jid.replace(/@g\.us$/, '');
  if (!inbound.fromMe) return phoneDigits(session.phoneNumber);
  return chat.phone ? phoneDigits(chat.phone) : chat.jid;
}

/**
 * The session's message `waMessageId`, when the author of the change made with `key` (an edit, a
 * delete) wrote it: only its author changes a message. A group admin's deletion of another's
 * message is not applied: WhatsApp does not tell the session who the admins are.
 */
async function authoredTarget(waMessageId: string, key: WAMessageKey, session: Session, change: string) {
  const target = await findByWaMessageId(session.sessionId, waMessageId);
  if (!target) {
    logger().debug(`A ${change} of a message the session does not have`, { sessionId: session.sessionId, waMessageId });
    return undefined;
  }
  const jid = key.participant || key.remoteJid;
  const alt = (key.participant ? key.participantAlt : key.remoteJidAlt) ?? undefined;
  // The account's own change has no author party; a contact's is whoever the key names.
  const author = key.fromMe ? undefined : jid ? await partyOf({ jid, alt }, session.phoneOfLid) : null;
  if (author === null || !wrote(author, target)) {
    logger().warn(`A ${change} by someone other than the message's author is not applied`, { sessionId: session.sessionId, waMessageId });
    return undefined;
  }
  return target;
}

/** Gives the session's message the content its author edited it to (its text or caption). */
export async function receiveEdit(
  edit: { waMessageId: string; key: WAMessageKey; content: WAMessageContent; editedAt?: number },
  session: Session,
): Promise<void> {
  const target = await authoredTarget(edit.waMessageId, edit.key, session, 'edit');
  if (!target) return;
  const editedAt = edit.editedAt ? new Date(edit.editedAt * 1000) : new Date();
  await applyEdit(target, { text: contentOf(normalizeMessageContent(edit.content))?.text, editedAt });
}

/** Deletes the session's message's content, as its author deleted it for everyone. */
export async function receiveRevoke(revoke: { waMessageId: string; key: WAMessageKey }, session: Session): Promise<void> {
  const target = await authoredTarget(revoke.waMessageId, revoke.key, session, 'delete');
  if (target) await applyDelete(target, new Date());
}
