import {
  isLidUser,
  isPnUser,
  jidNormalizedUser,
  toNumber,
  WAMessageStubType,
  type BaileysEventMap,
  type Contact,
} from '@whiskeysockets/baileys';
import type { SessionEvent, SessionEventOf } from './session-events.ts';

/** Baileys' WAMessageStatus values that receipts carry. */
const deliveredStatus = 3;
const readStatuses = [4, 5];

/** An address without its device part (`…:3@s.whatsapp.net`), as contacts are stored. */
const userOf = (jid: string): string => jidNormalizedUser(jid) || jid;

/** A contact by the address WhatsApp named it, and its LID and phone number among the addresses given. */
function contactName(
  jid: string,
  others: (string | null | undefined)[],
  pushName: string | null | undefined,
): SessionEventOf<'contact-name'> {
  const addresses = [jid, ...others].filter((address): address is string => !!address).map(userOf);
  return {
    kind: 'contact-name',
    jid: userOf(jid),
    pushName: pushName || undefined,
    lid: addresses.find(isLidUser),
    phoneJid: addresses.find(isPnUser),
  };
}

/** Each message as it came, and the push name of each sender that is not us. */
export function fromUpsert({ messages, type }: BaileysEventMap['messages.upsert']): SessionEvent[] {
  return messages.flatMap((message): SessionEvent[] => {
    const { key, pushName } = message;
    const seen: SessionEvent = { kind: 'message', message, upsertType: type };
    // In a group the sender is the participant, not the chat; WhatsApp gives a LID sender's phone number beside it.
    const [sender, alt] = key.participant ? [key.participant, key.participantAlt] : [key.remoteJid, key.remoteJidAlt];
    return !key.fromMe && pushName && sender ? [seen, contactName(sender, [alt], pushName)] : [seen];
  });
}

/** Receipts of the messages we sent, and edits and revokes (Baileys reports both as updates of their target). */
export function fromMessageUpdates(updates: BaileysEventMap['messages.update']): SessionEvent[] {
  return updates.flatMap(({ key, update }): SessionEvent[] => {
    const waMessageId = key.id;
    if (!waMessageId) return [];
    const content = update.message?.editedMessage?.message;
    if (content) {
      const editedAt = update.messageTimestamp ? toNumber(update.messageTimestamp) : undefined;
      return [{ kind: 'message-edited', waMessageId, key, content, editedAt }];
    }
    if (update.messageStubType === WAMessageStubType.REVOKE) return [{ kind: 'message-revoked', waMessageId, key }];
    if (!key.fromMe || typeof update.status !== 'number') return [];
    const status = Number(update.status);
    if (status === deliveredStatus) return [{ kind: 'receipt', waMessageId, receipt: 'delivered' }];
    if (readStatuses.includes(status)) return [{ kind: 'receipt', waMessageId, receipt: 'read' }];
    return [];
  });
}

/** Groups report receipts per member. */
export function fromReceiptUpdates(receipts: BaileysEventMap['message-receipt.update']): SessionEvent[] {
  return receipts.flatMap(({ key, receipt }): SessionEvent[] => {
    if (!key.fromMe || !key.id) return [];
    if (receipt.readTimestamp) return [{ kind: 'receipt', waMessageId: key.id, receipt: 'read' }];
    if (receipt.receiptTimestamp) return [{ kind: 'receipt', waMessageId: key.id, receipt: 'delivered' }];
    return [];
  });
}

/** Contacts that carry a push name, or both a LID and the phone number it stands for. */
export function fromContacts(contacts: Partial<Contact>[]): SessionEvent[] {
  return contacts.flatMap(({ id, lid, phoneNumber, notify }): SessionEvent[] => {
    if (!id) return [];
    const event = contactName(id, [lid, phoneNumber], notify);
    return event.pushName || (event.lid && event.phoneJid) ? [event] : [];
  });
}

export function fromLidMapping({ lid, pn }: BaileysEventMap['lid-mapping.update']): SessionEvent[] {
  return [contactName(lid, [pn], undefined)];
}
