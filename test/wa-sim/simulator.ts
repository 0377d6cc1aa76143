/**
 * The WhatsApp server simulator: a websocket endpoint speaking WhatsApp's protocol to the real
 * Baileys client, a media host, and the in-process API tests use to play the other side.
 */
import { writeFile } from 'node:fs/promises';
import type { proto } from '@whiskeysockets/baileys';
import {
  sendFromContact,
  sendFromPhone,
  sendReceiptFromContact,
  type ContactMessage,
  type Delivery,
  type OutgoingMessage,
} from './contact-actions.ts';
import { createEvents, type Registration, type Session, type SimContext } from './context.ts';
import { SimError } from './errors.ts';
import { enterPairingCode, scanQr } from './handlers/pairing.ts';
import { lidJid, normalizePhone, pnJid } from './jids.ts';
import { startMediaHost } from './media-host.ts';
import {
  createSimState,
  type Account,
  type AccountReceipt,
  type Contact,
  type ContactOptions,
  type ReceiptType,
  type ReceivedMessage,
} from './state.ts';
import { createLoopbackCertificate } from './tls-certificate.ts';
import { waitForEvent } from './wait-for.ts';
import { startWsEndpoint } from './ws-endpoint.ts';

export type SimulatorOptions = {
  /** WebSocket port for clients (default: a free port). */
  port?: number;
  /** HTTPS media host port (default: a free port). */
  mediaPort?: number;
};

export type AccountSummary = {
  phone: string;
  jid: string;
  lid: string;
  /** Device id of the linked companion, if one is linked. */
  deviceId: number | undefined;
  online: boolean;
};

export type ContactSummary = Pick<Contact, 'phone' | 'name' | 'onWhatsApp' | 'duplicatesDropped'> & { jid: string; lid: string };

/** How a session can be ended: stream errors 440/401/515, silence (408) or a dropped socket. */
export type KickReason = 440 | 401 | 515 | 408 | 'drop';

const DEFAULT_WAIT_MS = 5_000;

export type WaSimulator = Awaited<ReturnType<typeof startSimulator>>;

export const startSimulator = async (options: SimulatorOptions = {}) => {
  const state = createSimState();
  const events = createEvents();
  const sessions = new Map<string, Session>();
  const tls = await createLoopbackCertificate();
  const media = await startMediaHost(tls, options.mediaPort ?? 0, (phone) => {
    const contact = state.contacts.get(phone);
    return contact?.pictureHidden ? undefined : contact?.picture;
  });
  const context: SimContext = {
    state,
    events,
    sessions,
    registrations: new Set<Registration>(),
    media: media.info,
    deliverToAccount(account, node) {
      const session = sessions.get(account.phone);
      if (session?.connection.isOpen()) {
        session.connection.send(node);
        return true;
      }
      account.outbox.push(node);
      return false;
    },
  };

  const endpoint = await startWsEndpoint(context, options.port ?? 0);

  const sessionOf = (phone: string): Session => {
    const session = sessions.get(normalizePhone(phone));
    if (!session) throw new SimError(404, `account ${phone} has no open session`);
    return session;
  };

  const contactOf = (phone: string): Contact => {
    const contact = state.contacts.get(normalizePhone(phone));
    if (!contact) throw new SimError(404, `no contact ${phone}`);
    return contact;
  };

  const summarizeAccount = (account: Account): AccountSummary => ({
    phone: account.phone,
    jid: pnJid(account.phone),
    lid: lidJid(account.lidUser),
    deviceId: account.companion?.deviceId,
    online: sessions.has(account.phone),
  });

  const summarizeContact = (contact: Contact): ContactSummary => ({
    phone: contact.phone,
    name: contact.name,
    onWhatsApp: contact.onWhatsApp,
    duplicatesDropped: contact.duplicatesDropped,
    jid: pnJid(contact.phone),
    lid: lidJid(contact.lidUser),
  });

  return {
    /** Give this to Baileys as `waWebSocketUrl`. */
    wsUrl: endpoint.url,
    /** Base URL of the HTTPS media host. */
    mediaUrl: media.info.baseUrl,
    /** PEM of the media host's self-signed certificate: trust it to upload or download media. */
    caPem: media.info.caPem,
    events,

    /** Writes the media host's CA certificate (for NODE_EXTRA_CA_CERTS in another process). */
    async writeCaPem(path: string): Promise<string> {
      await writeFile(path, media.info.caPem);
      return path;
    },

    addContact(contactOptions: ContactOptions): ContactSummary {
      return summarizeContact(state.addContact(contactOptions));
    },

    contacts: (): ContactSummary[] => [...state.contacts.values()].map(summarizeContact),

    /** A group of contacts (and linked accounts); members decrypt what an account sends to it. */
    addGroup(group: { subject: string; contacts: string[]; accounts: string[] }): { jid: string } {
      for (const phone of group.contacts) contactOf(phone);
      return { jid: state.addGroup(group.subject, group.contacts, group.accounts).jid };
    },

    accounts: (): AccountSummary[] => [...state.accounts.values()].map(summarizeAccount),

    /** The phone `phone` scans a QR a client shows; resolves once the companion is linked. */
    scanQr: async (qr: string, phone: string): Promise<AccountSummary> => summarizeAccount(await scanQr(context, qr, phone)),

    /** The phone `phone` enters the pairing code a client got from `requestPairingCode`. */
    async enterPairingCode(phone: string, code: string, timeoutMs = DEFAULT_WAIT_MS): Promise<AccountSummary> {
      const normalized = normalizePhone(phone);
      const requested = [...context.registrations].some((r) => r.pairingCodeRequest?.phone === normalized);
      if (!requested) {
        const what = `a pairing code request for ${normalized}`;
        await waitForEvent(events, 'pairing-code-requested', (asked) => asked === normalized, timeoutMs, what);
      }
      return summarizeAccount(await enterPairingCode(context, normalized, code));
    },

    /** Resolves when the account's companion is logged in. */
    async waitForLogin(phone: string, timeoutMs = DEFAULT_WAIT_MS): Promise<void> {
      const normalized = normalizePhone(phone);
      if (sessions.has(normalized)) return;
      await waitForEvent(events, 'logged-in', (account) => account.phone === normalized, timeoutMs, `${normalized} to log in`);
    },

    /** Everything the contact decrypted so far, oldest first. */
    received: (contactPhone: string): ReceivedMessage[] => [...contactOf(contactPhone).received],

    /** The first received message (already there or arriving) that matches. */
    async waitForMessage(
      contactPhone: string,
      matches: (message: ReceivedMessage) => boolean = () => true,
      timeoutMs = DEFAULT_WAIT_MS,
    ): Promise<ReceivedMessage> {
      const contact = contactOf(contactPhone);
      const existing = contact.received.find(matches);
      if (existing) return existing;
      const [, message] = await waitForEvent(
        events,
        'received',
        (by, message) => by === contact && matches(message),
        timeoutMs,
        `a message for ${contact.phone}`,
      );
      return message;
    },

    /** Receipts the account's client sent for the contact's messages. */
    receiptsFrom: (contactPhone: string): AccountReceipt[] => [...contactOf(contactPhone).receipts],

    /** The first receipt (already there or arriving) an account's client sent the contact that matches. */
    async waitForAccountReceipt(
      contactPhone: string,
      matches: (receipt: AccountReceipt) => boolean = () => true,
      timeoutMs = DEFAULT_WAIT_MS,
    ): Promise<AccountReceipt> {
      const contact = contactOf(contactPhone);
      const existing = contact.receipts.find(matches);
      if (existing) return existing;
      const [, receipt] = await waitForEvent(
        events,
        'account-receipt',
        (by, receipt) => by === contact && matches(receipt),
        timeoutMs,
        `a receipt for ${contact.phone}`,
      );
      return receipt;
    },

    /** The contact sends `content` to the account (or in a group); queued while the account's client is offline. */
    send: (contactPhone: string, message: ContactMessage): Promise<Delivery> => sendFromContact(context, contactPhone, message),

    /** The account's own phone sends `content` to a contact; its companion receives it as sent by itself. */
    sendFromPhone: (accountPhone: string, message: OutgoingMessage): Promise<Delivery> => sendFromPhone(context, accountPhone, message),

    /** The contact sends a message to the account; returns the message id. */
    async sendMessage(contactPhone: string, accountPhone: string, message: proto.IMessage): Promise<string> {
      return (await sendFromContact(context, contactPhone, { to: accountPhone, content: { type: 'raw', message } })).id;
    },

    async sendText(contactPhone: string, accountPhone: string, text: string): Promise<string> {
      return (await sendFromContact(context, contactPhone, { to: accountPhone, content: { type: 'text', text } })).id;
    },

    /** The contact acknowledges messages it received from the account. */
    sendReceipt(contactPhone: string, accountPhone: string, messageIds: string[], type: ReceiptType): void {
      sendReceiptFromContact(context, contactPhone, accountPhone, messageIds, type);
    },

    /** Whether the contact sends delivery/read receipts by itself. */
    setAutoReceipts(contactPhone: string, autoReceipts: { delivery: boolean; read: boolean }): void {
      contactOf(contactPhone).autoReceipts = autoReceipts;
    },

    /**
     * Ends the account's session: 440 (replaced), 401 (logged out: also unlinks the companion),
     * 515 (restart required), 408 (stops answering until the client gives up) or 'drop'.
     */
    kick(phone: string, reason: KickReason): void {
      const session = sessionOf(phone);
      switch (reason) {
        case 440:
          session.connection.streamError({}, { tag: 'conflict', attrs: { type: 'replaced' } });
          break;
        case 401:
          session.account.companion = undefined;
          session.connection.streamError({ code: '401' }, { tag: 'conflict', attrs: { type: 'device_removed' } });
          break;
        case 515:
          session.connection.streamError({ code: '515' });
          break;
        case 408:
          session.connection.freeze();
          break;
        case 'drop':
          session.connection.drop();
          break;
      }
    },

    /** Refuses new websocket connections (socket destroyed before upgrade) for `ms`. */
    refuseConnections(ms: number): void {
      endpoint.refuseFor(ms);
    },

    async stop(): Promise<void> {
      await Promise.all([endpoint.close(), media.close()]);
    },
  };
};
