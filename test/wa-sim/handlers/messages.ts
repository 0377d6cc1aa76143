/**
 * Stanzas a logged-in client sends that are not queries: messages (relayed to the simulated
 * contacts, who decrypt them), receipts for what contacts sent, and acks.
 */
import type { BinaryNode, proto } from '@whiskeysockets/baileys';
import { sendReceiptFromContact } from '../contact-actions.ts';
import type { Session, SimContext } from '../context.ts';
import { isGroupJid, lidJid, pnJid, userOf } from '../jids.ts';
import { simLogger } from '../logger.ts';
import { downloadMedia } from '../media-download.ts';
import { bytesOf, childOf, childrenOf, unixTime } from '../nodes.ts';
import type { Contact, ReceivedMessage } from '../state.ts';

const AUTO_RECEIPT_DELAY_MS = 300;

type Envelope = { id: string; chat: string; from: string; senderDevice: string; stanza: BinaryNode };

const encFor = (stanza: BinaryNode, contact: Contact): BinaryNode | undefined => {
  const recipients = childrenOf(childOf(stanza, 'participants'));
  const mine = recipients.find((to) => {
    const user = userOf(to.attrs['jid'] ?? '');
    return user === contact.phone || user === contact.lidUser;
  });
  return childOf(mine, 'enc');
};

const decryptFor = async (contact: Contact, envelope: Envelope): Promise<proto.IMessage | undefined> => {
  const enc = encFor(envelope.stanza, contact);
  const pairwise = enc && bytesOf(enc);
  const type = enc?.attrs['type'];
  let message =
    pairwise && (type === 'pkmsg' || type === 'msg')
      ? await contact.device.decrypt(envelope.senderDevice, { type, ciphertext: pairwise })
      : undefined;
  const groupEnc = childrenOf(envelope.stanza).find((child) => child.tag === 'enc' && child.attrs['type'] === 'skmsg');
  const groupCiphertext = bytesOf(groupEnc);
  if (groupCiphertext) {
    message = await contact.device.decryptGroup(envelope.chat, envelope.senderDevice, groupCiphertext);
  }
  return message;
};

const deliverToContact = async (context: SimContext, session: Session, contact: Contact, envelope: Envelope) => {
  const message = await decryptFor(contact, envelope);
  if (!message) return;
  if (contact.received.some((earlier) => earlier.id === envelope.id && earlier.from === envelope.from)) {
    contact.duplicatesDropped += 1;
    return;
  }
  const media = await downloadMedia(message, context.media.baseUrl, context.media.caPem);
  const received: ReceivedMessage = {
    id: envelope.id,
    from: envelope.from,
    to: envelope.chat,
    message,
    ...(media ? { media } : {}),
    receivedAt: new Date(),
  };
  contact.received.push(received);
  context.events.emit('received', contact, received);
  const phone = session.account.phone;
  const { delivery, read } = contact.autoReceipts;
  // A phone answers a moment later, not within the client's own send: Baileys folds receipts
  // that arrive together (or before its upsert of the sent message) into one update.
  const later = (delayMs: number, type: 'delivery' | 'read') =>
    setTimeout(() => sendReceiptFromContact(context, contact.phone, phone, [envelope.id], type), delayMs).unref();
  if (delivery) later(AUTO_RECEIPT_DELAY_MS, 'delivery');
  if (read) later(2 * AUTO_RECEIPT_DELAY_MS, 'read');
};

const recipientsOf = (context: SimContext, chat: string): Contact[] => {
  if (isGroupJid(chat)) {
    const group = context.state.groups.get(chat);
    return (group?.contactPhones ?? []).flatMap((phone) => context.state.contacts.get(phone) ?? []);
  }
  const user = context.state.findUser(chat);
  return user?.kind === 'contact' ? [user.contact] : [];
};

const relayMessage = async (context: SimContext, session: Session, stanza: BinaryNode) => {
  const { account, connection } = session;
  const id = stanza.attrs['id'] ?? '';
  const chat = stanza.attrs['to'] ?? '';
  connection.send({ tag: 'ack', attrs: { class: 'message', id, from: chat, t: unixTime() } });
  if (stanza.attrs['category'] === 'peer' || !account.companion) return;
  const envelope: Envelope = {
    id,
    chat,
    from: pnJid(account.phone),
    senderDevice: lidJid(account.lidUser, account.companion.deviceId),
    stanza,
  };
  for (const contact of recipientsOf(context, chat)) {
    try {
      await deliverToContact(context, session, contact, envelope);
    } catch (error) {
      simLogger.warn({ err: error, id, contact: contact.phone }, 'contact could not decrypt a message');
    }
  }
};

const recordReceipt = (context: SimContext, session: Session, receipt: BinaryNode) => {
  session.connection.send({ tag: 'ack', attrs: { class: 'receipt', id: receipt.attrs['id'] ?? '', from: receipt.attrs['to'] ?? '' } });
  const user = context.state.findUser(receipt.attrs['to'] ?? '');
  // 'sender' receipts acknowledge what the account's own phone sent: they are not for the contact.
  if (user?.kind !== 'contact' || receipt.attrs['type'] === 'sender') return;
  const ids = [receipt.attrs['id'] ?? '', ...childrenOf(childOf(receipt, 'list')).map((item) => item.attrs['id'] ?? '')];
  for (const messageId of ids) {
    const entry = { messageId, account: session.account.phone, type: receipt.attrs['type'] ?? 'delivery' };
    user.contact.receipts.push(entry);
    context.events.emit('account-receipt', user.contact, entry);
  }
};

export const handleStanza = async (context: SimContext, session: Session, node: BinaryNode): Promise<void> => {
  if (node.tag === 'message') await relayMessage(context, session, node);
  else if (node.tag === 'receipt') recordReceipt(context, session, node);
};
