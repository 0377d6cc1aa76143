/**
 * What the simulated WhatsApp knows: accounts (phones with a linked companion), contacts
 * (simulated devices) and groups. Plain data, shared by every handler.
 */
import { Curve, type BinaryNode, type KeyPair, type proto } from '@whiskeysockets/baileys';
import { groupJid, lidJid, normalizePhone, pnJid, userOf } from './jids.ts';
import type { PreKeyBundle, SimulatedDevice } from './simulated-device.ts';
import { createSimulatedDevice } from './simulated-device.ts';

/** The Baileys client linked to an account, as registered at pairing and by its prekey uploads. */
export type CompanionDevice = {
  deviceId: number;
  noiseKey: Uint8Array;
  registrationId: number;
  identityKey: Uint8Array;
  signedPreKey: PreKeyBundle['signedPreKey'];
  /** One-time prekeys uploaded and not yet handed to a sender. */
  preKeys: Map<number, Uint8Array>;
};

export type Account = {
  phone: string;
  lidUser: string;
  name: string;
  /** The phone's identity; it signs the companion at pairing (ADV account key). */
  identity: KeyPair;
  /** The phone itself as a Signal device (device 0): it encrypts what the phone sends for its companion. */
  primaryDevice: SimulatedDevice;
  companion: CompanionDevice | undefined;
  nextDeviceId: number;
  /** Stanzas addressed to the companion while it was offline, delivered at its next login. */
  outbox: BinaryNode[];
};

export type ReceiptType = 'delivery' | 'read' | 'played';

/** A message a contact decrypted. `to` is the contact's jid, or the group's jid for group messages. */
export type ReceivedMessage = {
  id: string;
  from: string;
  to: string;
  message: proto.IMessage;
  /** Decrypted bytes of the attached media, downloaded from the media host. */
  media?: Buffer;
  receivedAt: Date;
};

/** A receipt an account's client sent for a message a contact sent it. */
/** `type` is a ReceiptType, or whatever other type a client sends. */
export type AccountReceipt = { messageId: string; account: string; type: string };

export type ContactOptions = {
  phone: string;
  name?: string;
  /** False for a number that is not on WhatsApp (default true). */
  onWhatsApp?: boolean;
  /** "About" text; undefined means none set. */
  status?: string;
  statusHidden?: boolean;
  /** Profile picture bytes served by the media host; undefined means no picture. */
  picture?: Buffer;
  pictureHidden?: boolean;
  /** Whether the contact sends delivery and read receipts by itself (default both true). */
  autoReceipts?: { delivery: boolean; read: boolean };
};

export type Contact = Required<Pick<ContactOptions, 'phone' | 'name' | 'onWhatsApp' | 'statusHidden' | 'pictureHidden'>> & {
  status: string | undefined;
  picture: Buffer | undefined;
  autoReceipts: { delivery: boolean; read: boolean };
  lidUser: string;
  device: SimulatedDevice;
  received: ReceivedMessage[];
  /** Messages that arrived again under an id already received; a phone shows a message id once. */
  duplicatesDropped: number;
  receipts: AccountReceipt[];
};

export type Group = {
  jid: string;
  subject: string;
  contactPhones: string[];
  accountPhones: string[];
  creation: number;
};

export type UserRef = { kind: 'account'; account: Account } | { kind: 'contact'; contact: Contact };

export type SimState = ReturnType<typeof createSimState>;

const FIRST_LID = 201_000_000_000_001n;
const FIRST_GROUP_ID = 120_363_000_000_000_001n;

export const createSimState = () => {
  const accounts = new Map<string, Account>();
  const contacts = new Map<string, Contact>();
  const groups = new Map<string, Group>();
  const byLid = new Map<string, UserRef>();
  let nextLid = FIRST_LID;
  let nextGroupId = FIRST_GROUP_ID;

  const allocateLid = () => (nextLid++).toString();

  return {
    accounts,
    contacts,
    groups,

    /** The account for a phone number, created on first use (a scan can link any number). */
    account(phone: string): Account {
      const key = normalizePhone(phone);
      const existing = accounts.get(key);
      if (existing) return existing;
      const account: Account = {
        phone: key,
        lidUser: allocateLid(),
        name: key,
        identity: Curve.generateKeyPair(),
        primaryDevice: createSimulatedDevice(),
        companion: undefined,
        nextDeviceId: 1,
        outbox: [],
      };
      accounts.set(key, account);
      byLid.set(account.lidUser, { kind: 'account', account });
      return account;
    },

    addContact(options: ContactOptions): Contact {
      const phone = normalizePhone(options.phone);
      if (contacts.has(phone) || accounts.has(phone)) throw new Error(`number ${phone} already exists`);
      const contact: Contact = {
        phone,
        name: options.name ?? phone,
        onWhatsApp: options.onWhatsApp ?? true,
        status: options.status,
        statusHidden: options.statusHidden ?? false,
        picture: options.picture,
        pictureHidden: options.pictureHidden ?? false,
        autoReceipts: options.autoReceipts ?? { delivery: true, read: true },
        lidUser: allocateLid(),
        device: createSimulatedDevice(),
        received: [],
        duplicatesDropped: 0,
        receipts: [],
      };
      contacts.set(phone, contact);
      if (contact.onWhatsApp) byLid.set(contact.lidUser, { kind: 'contact', contact });
      return contact;
    },

    addGroup(subject: string, contactPhones: string[], accountPhones: string[]): Group {
      const group: Group = {
        jid: groupJid((nextGroupId++).toString()),
        subject,
        contactPhones: contactPhones.map(normalizePhone),
        accountPhones: accountPhones.map(normalizePhone),
        creation: Math.floor(Date.now() / 1000),
      };
      groups.set(group.jid, group);
      return group;
    },

    /** Resolves a PN or LID user jid to a WhatsApp user; numbers not on WhatsApp resolve to nothing. */
    findUser(jid: string): UserRef | undefined {
      const user = userOf(jid);
      if (jid.endsWith('@lid')) return byLid.get(user);
      const account = accounts.get(user);
      if (account) return { kind: 'account', account };
      const contact = contacts.get(user);
      return contact?.onWhatsApp ? { kind: 'contact', contact } : undefined;
    },
  };
};

export const contactPnJid = (contact: Contact): string => pnJid(contact.phone);
export const contactLidJid = (contact: Contact): string => lidJid(contact.lidUser);
