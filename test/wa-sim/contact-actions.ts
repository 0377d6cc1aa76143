/** What a simulated contact does on its own: send messages and receipts to an account. */
import { randomBytes } from 'node:crypto';
import type { BinaryNode, proto } from '@whiskeysockets/baileys';
import type { SimContext } from './context.ts';
import { SimError } from './errors.ts';
import { isGroupJid, lidJid, normalizePhone } from './jids.ts';
import { takeCompanionBundle } from './handlers/prekeys.ts';
import { mediaOf } from './media-download.ts';
import { unixTime } from './nodes.ts';
import { contactLidJid, contactPnJid, type Account, type Contact, type ReceiptType } from './state.ts';

export const newMessageId = (): string => `3EB0${randomBytes(8).toString('hex').toUpperCase()}`;

const linkedAccount = (context: SimContext, phone: string): Account & { companion: NonNullable<Account['companion']> } => {
  const account = context.state.accounts.get(normalizePhone(phone));
  if (!account?.companion) throw new SimError(409, `account ${phone} has no linked device`);
  return account as Account & { companion: NonNullable<Account['companion']> };
};

const contactNamed = (context: SimContext, phone: string): Contact => {
  const contact = context.state.contacts.get(normalizePhone(phone));
  if (!contact?.onWhatsApp) throw new SimError(404, `no WhatsApp contact ${phone}`);
  return contact;
};

/** The contact sends `message` to the account's companion, end-to-end encrypted; returns its id. */
export const sendFromContact = async (
  context: SimContext,
  contactPhone: string,
  accountPhone: string,
  message: proto.IMessage,
): Promise<string> => {
  const contact = contactNamed(context, contactPhone);
  const account = linkedAccount(context, accountPhone);
  const recipient = lidJid(account.lidUser, account.companion.deviceId);
  const payload = await contact.device.encrypt(recipient, message, () => takeCompanionBundle(account));
  const media = mediaOf(message);
  const id = newMessageId();
  context.deliverToAccount(account, {
    tag: 'message',
    attrs: {
      from: contactPnJid(contact),
      sender_lid: contactLidJid(contact),
      id,
      t: unixTime(),
      type: media ? 'media' : 'text',
      notify: contact.name,
    },
    content: [
      {
        tag: 'enc',
        attrs: { v: '2', type: payload.type, ...(media ? { mediatype: media.type } : {}) },
        content: payload.ciphertext,
      },
    ],
  });
  return id;
};

/**
 * The contact acknowledges messages the account sent it. Receipts go to the chat the message was
 * addressed to (the contact's jid as the client used it, or the group with the contact as participant).
 */
export const sendReceiptFromContact = (
  context: SimContext,
  contactPhone: string,
  accountPhone: string,
  messageIds: string[],
  type: ReceiptType,
): void => {
  const contact = contactNamed(context, contactPhone);
  const account = context.state.account(accountPhone);
  const [firstId, ...otherIds] = messageIds;
  if (!firstId) throw new SimError(400, 'no message ids');
  const chat = contact.received.find((received) => received.id === firstId)?.to ?? contactPnJid(contact);
  const receipt: BinaryNode = {
    tag: 'receipt',
    attrs: {
      from: chat,
      id: firstId,
      t: unixTime(),
      ...(type === 'delivery' ? {} : { type }),
      ...(isGroupJid(chat) ? { participant: contactLidJid(contact) } : {}),
    },
    ...(otherIds.length ? { content: [{ tag: 'list', attrs: {}, content: otherIds.map((id) => ({ tag: 'item', attrs: { id } })) }] } : {}),
  };
  context.deliverToAccount(account, receipt);
};
