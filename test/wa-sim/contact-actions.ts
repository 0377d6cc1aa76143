/**
 * What simulated phones do on their own: contacts send messages and receipts to an account, and an
 * account's own phone sends messages that its linked companion sees as sent by itself.
 */
import { randomBytes } from 'node:crypto';
import type { BinaryNode, proto } from '@whiskeysockets/baileys';
import type { SimContext } from './context.ts';
import { SimError } from './errors.ts';
import { isGroupJid, lidJid, normalizePhone, pnJid } from './jids.ts';
import { takeCompanionBundle } from './handlers/prekeys.ts';
import { buildMessage, type MessageContent } from './message-content.ts';
import { mediaOf } from './media-download.ts';
import { unixTime } from './nodes.ts';
import type { SimulatedDevice } from './simulated-device.ts';
import { contactLidJid, contactPnJid, type Account, type Contact, type Group, type ReceiptType } from './state.ts';

export const newMessageId = (): string => `3EB0${randomBytes(8).toString('hex').toUpperCase()}`;

/** Whether a stanza names people by phone number or by LID (the other form rides alongside). */
export type Addressing = 'pn' | 'lid';

/** What a phone sends to `to`. */
export type OutgoingMessage = {
  to: string;
  content: MessageContent;
  /** The WhatsApp message id (default: a new one); sending an id again delivers a duplicate. */
  id?: string | undefined;
  addressing?: Addressing | undefined;
  /** The message this one replies to; `fromMe` when the sender wrote it. */
  quoted?: { id: string; fromMe?: boolean | undefined } | undefined;
};

export type ContactMessage = OutgoingMessage & {
  /** The sender's push name on the stanza (default: the contact's name). */
  pushName?: string | undefined;
  /** A group jid: the contact sends there instead (groups default to LID addressing). */
  group?: string | undefined;
};

/** The message id, and whether it waits for the account's next login rather than reaching its client now. */
export type Delivery = { id: string; queued: boolean };

type LinkedAccount = Account & { companion: NonNullable<Account['companion']> };

const linkedAccount = (context: SimContext, phone: string): LinkedAccount => {
  const account = context.state.accounts.get(normalizePhone(phone));
  if (!account?.companion) throw new SimError(409, `account ${phone} has no linked device`);
  return account as LinkedAccount;
};

const contactNamed = (context: SimContext, phone: string): Contact => {
  const contact = context.state.contacts.get(normalizePhone(phone));
  if (!contact?.onWhatsApp) throw new SimError(404, `no WhatsApp contact ${phone}`);
  return contact;
};

const groupOf = (context: SimContext, jid: string, contact: Contact, account: Account): Group => {
  const group = context.state.groups.get(jid);
  if (!group) throw new SimError(404, `no group ${jid}`);
  if (!group.contactPhones.includes(contact.phone) || !group.accountPhones.includes(account.phone)) {
    throw new SimError(409, `${contact.phone} and ${account.phone} are not both members of ${jid}`);
  }
  return group;
};

const jidsOf = (phone: string, lidUser: string): Record<Addressing, string> => ({ pn: pnJid(phone), lid: lidJid(lidUser) });
const otherThan = (addressing: Addressing): Addressing => (addressing === 'pn' ? 'lid' : 'pn');

/**
 * The `enc` nodes that carry `message` from `device` to the account's companion: pairwise, or for
 * a group a sender-key message, preceded the first time by the sender key itself, pairwise.
 */
const encryptForCompanion = async (
  device: SimulatedDevice,
  account: LinkedAccount,
  message: proto.IMessage,
  group?: { jid: string; author: string },
): Promise<BinaryNode[]> => {
  const companion = lidJid(account.lidUser, account.companion.deviceId);
  const media = mediaOf(message.deviceSentMessage?.message ?? message);
  const mediatype: Record<string, string> = media ? { mediatype: media.type } : {};
  const pairwise = async (content: proto.IMessage): Promise<BinaryNode> => {
    const payload = await device.encrypt(companion, content, () => takeCompanionBundle(account));
    return { tag: 'enc', attrs: { v: '2', type: payload.type, ...mediatype }, content: payload.ciphertext };
  };
  if (!group) return [await pairwise(message)];
  const { ciphertext, distribution } = await device.encryptGroup(group.jid, group.author, companion, message);
  const senderKey = distribution ? [await pairwise({ senderKeyDistributionMessage: distribution })] : [];
  return [...senderKey, { tag: 'enc', attrs: { v: '2', type: 'skmsg', ...mediatype }, content: ciphertext }];
};

const deliver = (context: SimContext, account: Account, attrs: Record<string, string>, enc: BinaryNode[]): Delivery => {
  const id = attrs['id'] ?? '';
  const type = enc.some((node) => node.attrs['mediatype']) ? 'media' : 'text';
  const sentNow = context.deliverToAccount(account, { tag: 'message', attrs: { ...attrs, t: unixTime(), type }, content: enc });
  return { id, queued: !sentNow };
};

/** The contact sends a message to the account's companion (or in a group with it), end-to-end encrypted. */
export const sendFromContact = async (context: SimContext, contactPhone: string, request: ContactMessage): Promise<Delivery> => {
  const contact = contactNamed(context, contactPhone);
  const account = linkedAccount(context, request.to);
  const group = request.group === undefined ? undefined : groupOf(context, request.group, contact, account);
  const addressing = request.addressing ?? (group ? 'lid' : 'pn');
  const other = otherThan(addressing);
  const sender = jidsOf(contact.phone, contact.lidUser);
  const peer = jidsOf(account.phone, account.lidUser)[addressing];
  const quote = request.quoted;
  // The contact's phone shows what it quotes when that is a message it received from the account.
  const quoted = quote && { ...quote, message: quote.fromMe ? undefined : contact.received.find(({ id }) => id === quote.id)?.message };
  const perspective = { chat: group?.jid ?? peer, sender: sender[addressing], peer, inGroup: !!group };
  const message = await buildMessage(request.content, perspective, quoted, context.media);
  const enc = await encryptForCompanion(contact.device, account, message, group && { jid: group.jid, author: sender[addressing] });
  const from: Record<string, string> = group
    ? { from: group.jid, participant: sender[addressing], [`participant_${other}`]: sender[other], addressing_mode: addressing }
    : { from: sender[addressing], [`sender_${other}`]: sender[other] };
  return deliver(context, account, { ...from, id: request.id ?? newMessageId(), notify: request.pushName ?? contact.name }, enc);
};

/**
 * The account's own phone sends a message to a contact; its companion receives the copy WhatsApp
 * gives linked devices: a `deviceSentMessage` from the account's device 0 naming the recipient.
 */
export const sendFromPhone = async (context: SimContext, accountPhone: string, request: OutgoingMessage): Promise<Delivery> => {
  const account = linkedAccount(context, accountPhone);
  const contact = contactNamed(context, request.to);
  const addressing = request.addressing ?? 'pn';
  const other = otherThan(addressing);
  const sender = jidsOf(account.phone, account.lidUser)[addressing];
  const recipient = jidsOf(contact.phone, contact.lidUser);
  const perspective = { chat: recipient[addressing], sender, peer: recipient[addressing], inGroup: false };
  const message = await buildMessage(request.content, perspective, request.quoted, context.media);
  const copy = { deviceSentMessage: { destinationJid: recipient[addressing], message } };
  const enc = await encryptForCompanion(account.primaryDevice, account, copy);
  const attrs = { from: sender, recipient: recipient[addressing], [`peer_recipient_${other}`]: recipient[other] };
  return deliver(context, account, { ...attrs, id: request.id ?? newMessageId() }, enc);
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
