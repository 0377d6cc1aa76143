import { EventEmitter } from 'node:events';
import { initAuthCreds, WAMessageStubType, type ConnectionState, type Contact } from '@whiskeysockets/baileys';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConnectorUpdate } from '../../shared/sessions/repository.ts';
import type { SessionEvent } from '../../connector/sessions/session-events.ts';
import { WhatsAppSession, type AuthStore, type SessionSocket, type SessionSpec } from '../../connector/sessions/whatsapp-session.ts';

const phoneNumber = '+4915112345678';
const ownJid = '4915112345678:3@s.whatsapp.net';
const settings = { maxAttempts: 2, baseDelayMs: 1_000, maxDelayMs: 30_000 };

/** A Baileys socket as far as a session uses it: the test emits its events. */
class FakeSocket implements SessionSocket {
  readonly ev = new EventEmitter();
  user: Contact | undefined;
  ended = false;
  loggedOut = false;
  readonly pairingCodeRequests: string[] = [];

  end = async () => {
    this.ended = true;
  };

  logout = async () => {
    this.loggedOut = true;
  };

  requestPairingCode = async (phone: string) => {
    this.pairingCodeRequests.push(phone);
    return 'ABCD1234';
  };
}

class FakeAuthStore implements AuthStore {
  readonly state = { creds: initAuthCreds(), keys: { get: async () => ({}), set: async () => undefined } };
  saves = 0;
  closed = false;

  constructor(linked: boolean) {
    if (linked) this.state.creds.me = { id: ownJid };
  }

  async saveCreds(): Promise<void> {
    this.saves += 1;
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}

/** Lets the session's event handlers (fakes answer at once) run to their end. */
const settle = () => vi.advanceTimersByTimeAsync(0);

async function startSession(options: { linked?: boolean; method?: SessionSpec['method']; acceptReports?: boolean } = {}) {
  const auth = new FakeAuthStore(options.linked ?? true);
  const sockets: FakeSocket[] = [];
  const events: SessionEvent[] = [];
  const reports: ConnectorUpdate[] = [];
  const removals: string[] = [];
  const receipts: [string, 'delivered' | 'read'][] = [];
  let authDeleted = false;
  const session = new WhatsAppSession(
    { sessionId: 'ses_01J0000000000000000000000A', phoneNumber, method: options.method ?? 'qr' },
    {
      openSocket: () => {
        const socket = new FakeSocket();
        sockets.push(socket);
        return socket;
      },
      loadAuthState: async () => auth,
      deleteAuthState: async () => {
        authDeleted = true;
      },
      emit: async (event) => {
        events.push(event);
        if (event.kind === 'receipt') receipts.push([event.waMessageId, event.receipt]);
        if (event.kind !== 'session-state') return true;
        reports.push(event.update);
        return options.acceptReports ?? true;
      },
      remove: async (reason) => {
        removals.push(reason);
      },
      settings,
    },
  );
  await session.start();
  return { session, auth, sockets, events, reports, removals, receipts, authDeleted: () => authDeleted, socket: () => sockets.at(-1)! };
}

async function emit(socket: FakeSocket, update: Partial<ConnectionState>): Promise<void> {
  socket.ev.emit('connection.update', update);
  await settle();
}

function closed(code: number | undefined, message = 'Connection Closed'): Partial<ConnectionState> {
  const error = Object.assign(new Error(message), code === undefined ? {} : { output: { statusCode: code } });
  return { connection: 'close', lastDisconnect: { error, date: new Date() } };
}

async function connect(socket: FakeSocket): Promise<void> {
  socket.user = { id: ownJid };
  await emit(socket, { connection: 'open' });
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('a WhatsApp session linking', () => {
  it('reports every QR code WhatsApp offers when linking by QR', async () => {
    const { socket, reports } = await startSession({ linked: false });

    await emit(socket(), { qr: 'ref-1' });
    await emit(socket(), { qr: 'ref-2' });

    expect(reports).toEqual([
      { status: 'qr', qr: 'ref-1' },
      { status: 'qr', qr: 'ref-2' },
    ]);
    expect(socket().pairingCodeRequests).toEqual([]);
  });

  it('asks once for a pairing code for the session’s phone and reports it split in two', async () => {
    const { socket, reports } = await startSession({ linked: false, method: 'code' });

    await emit(socket(), { qr: 'ref-1' });
    await emit(socket(), { qr: 'ref-2' });

    expect(socket().pairingCodeRequests).toEqual(['4915112345678']);
    expect(reports).toEqual([{ status: 'qr', pairingCode: 'ABCD-1234' }]);
  });

  it('reports connected with the linked account when the session’s own phone links', async () => {
    const { session, socket, reports } = await startSession({ linked: false });

    await connect(socket());

    expect(reports).toEqual([{ status: 'connected', linkedJid: ownJid }]);
    expect(session.connected).toBe(true);
    expect(session.socket).toBe(socket());
  });

  it('undoes a link made by another phone: logs it out, deletes its auth state and fails', async () => {
    const { session, socket, auth, reports, authDeleted } = await startSession({ linked: false });
    socket().user = { id: '4917000000000:1@s.whatsapp.net' };

    await emit(socket(), { connection: 'open' });

    expect(socket()).toMatchObject({ loggedOut: true, ended: true });
    expect(auth.closed).toBe(true);
    expect(authDeleted()).toBe(true);
    expect(reports).toEqual([
      { status: 'failed', lastError: `Linked by +4917000000000, not ${phoneNumber}; scan with the session's phone` },
    ]);
    expect(session.connected).toBe(false);
  });

  it('saves the credentials whenever Baileys updates them', async () => {
    const { socket, auth } = await startSession({ linked: false });

    socket().ev.emit('creds.update', {});
    await settle();

    expect(auth.saves).toBe(1);
  });
});

describe('a WhatsApp session whose connection closes', () => {
  it('is logged out and its auth state deleted on 401', async () => {
    const { socket, sockets, reports, authDeleted } = await startSession();
    await connect(socket());

    await emit(socket(), closed(401));

    expect(reports.at(-1)).toEqual({ status: 'logged_out', lastError: 'Logged out: the device was unlinked from the phone' });
    expect(authDeleted()).toBe(true);
    expect(socket().ended).toBe(true);
    await vi.advanceTimersByTimeAsync(settings.maxDelayMs);
    expect(sockets).toHaveLength(1);
  });

  it('stops, keeping its auth state, when the connection is replaced elsewhere (440)', async () => {
    const { socket, sockets, reports, authDeleted } = await startSession();
    await connect(socket());

    await emit(socket(), closed(440));

    expect(reports.at(-1)).toEqual({ status: 'stopped', lastError: 'Connection replaced: this WhatsApp session was opened elsewhere' });
    expect(authDeleted()).toBe(false);
    await vi.advanceTimersByTimeAsync(settings.maxDelayMs);
    expect(sockets).toHaveLength(1);
  });

  it.each([403, 411])('fails when WhatsApp refuses the session (%d)', async (code) => {
    const { socket, sockets, reports } = await startSession();
    await connect(socket());

    await emit(socket(), closed(code));

    expect(reports.at(-1)).toEqual({ status: 'failed', lastError: `WhatsApp refused the session (${code})` });
    await vi.advanceTimersByTimeAsync(settings.maxDelayMs);
    expect(sockets).toHaveLength(1);
  });

  it('opens the new socket WhatsApp asks for after pairing (515) at once, without a report', async () => {
    const { socket, sockets, reports } = await startSession({ linked: false });
    const first = socket();

    await emit(first, closed(515, 'Stream Errored (restart required)'));

    expect(sockets).toHaveLength(2);
    expect(reports).toEqual([]);
    expect(first.ev.listenerCount('connection.update')).toBe(0);
    await emit(first, closed(undefined));
    expect(reports).toEqual([]);
    await connect(socket());
    expect(reports).toEqual([{ status: 'connected', linkedJid: ownJid }]);
  });

  it.each([
    ['QR refs attempts ended', 'The QR code expired before it was scanned'],
    ['Connection Failure', 'Could not reach WhatsApp: Connection Failure'],
  ])('fails at once while not linked yet: %s', async (message, reason) => {
    const { socket, sockets, reports } = await startSession({ linked: false });

    await emit(socket(), closed(408, message));

    expect(reports).toEqual([{ status: 'failed', lastError: reason }]);
    expect(socket().ended).toBe(true);
    await vi.advanceTimersByTimeAsync(settings.maxDelayMs);
    expect(sockets).toHaveLength(1);
  });

  it('reconnects a linked session with a doubling backoff, then fails after its last attempt', async () => {
    const { socket, sockets, reports } = await startSession();
    await connect(socket());

    await emit(socket(), closed(428));
    expect(reports.at(-1)).toEqual({ status: 'reconnecting', lastError: 'Connection Closed' });
    await vi.advanceTimersByTimeAsync(settings.baseDelayMs / 2 - 1);
    expect(sockets).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(settings.baseDelayMs / 2);
    expect(sockets).toHaveLength(2);

    await emit(socket(), closed(428));
    await vi.advanceTimersByTimeAsync(settings.baseDelayMs - 1);
    expect(sockets).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(settings.baseDelayMs);
    expect(sockets).toHaveLength(3);

    await emit(socket(), closed(428));
    expect(reports.at(-1)).toEqual({
      status: 'failed',
      lastError: `Gave up after ${settings.maxAttempts} failed reconnects: Connection Closed`,
    });
    await vi.advanceTimersByTimeAsync(settings.maxDelayMs);
    expect(sockets).toHaveLength(3);
  });

  it('starts counting reconnects afresh once a connection opens', async () => {
    const { socket, sockets, reports } = await startSession();

    for (let round = 0; round < settings.maxAttempts + 1; round++) {
      await connect(socket());
      await emit(socket(), closed(428));
      await vi.advanceTimersByTimeAsync(settings.baseDelayMs);
    }

    expect(sockets).toHaveLength(settings.maxAttempts + 2);
    expect(reports.filter((report) => report.status === 'failed')).toEqual([]);
  });

  it('schedules one reconnect however many closes arrive meanwhile', async () => {
    const { socket, sockets, reports } = await startSession();
    await connect(socket());

    await emit(socket(), closed(428));
    await emit(socket(), closed(428));
    await vi.advanceTimersByTimeAsync(settings.maxDelayMs);

    expect(sockets).toHaveLength(2);
    expect(reports.filter((report) => report.status === 'reconnecting')).toHaveLength(1);
  });
});

describe('a WhatsApp session ending', () => {
  it('releases itself when its fenced report is refused, and reports nothing more', async () => {
    const { session, socket, auth, reports } = await startSession({ linked: false, acceptReports: false });

    await emit(socket(), { qr: 'ref-1' });
    await emit(socket(), { qr: 'ref-2' });

    expect(reports).toEqual([{ status: 'qr', qr: 'ref-1' }]);
    expect(socket().ended).toBe(true);
    expect(auth.closed).toBe(true);
    expect(session.socket).toBeUndefined();
  });

  it('releases without logging out or reporting: the socket ends, the auth state closes, late events are ignored', async () => {
    const { session, socket, auth, reports } = await startSession();
    await connect(socket());

    await session.release();
    socket().ev.emit('creds.update', {});
    await emit(socket(), closed(428));

    expect(socket()).toMatchObject({ ended: true, loggedOut: false });
    expect(socket().ev.eventNames()).toEqual([]);
    expect(auth).toMatchObject({ closed: true, saves: 0 });
    expect(reports).toEqual([{ status: 'connected', linkedJid: ownJid }]);
    expect(session.connected).toBe(false);
  });

  it('stops with its reason and cancels a pending reconnect', async () => {
    const { session, socket, sockets, reports } = await startSession();
    await connect(socket());
    await emit(socket(), closed(428));

    await session.stop('Stopped by its owner');
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(settings.maxDelayMs);

    expect(reports.at(-1)).toEqual({ status: 'stopped', lastError: 'Stopped by its owner' });
    expect(sockets).toHaveLength(1);
  });

  it('logs out a connected session on WhatsApp, then has it removed for the reason', async () => {
    const { session, socket, removals } = await startSession();
    await connect(socket());

    await session.logout('logged out by its owner');

    expect(socket()).toMatchObject({ loggedOut: true, ended: true });
    expect(removals).toEqual(['logged out by its owner']);
  });

  it('has a session that is not connected removed without asking WhatsApp', async () => {
    const { session, socket, removals } = await startSession({ linked: false });

    await session.logout('logged out by its owner');

    expect(socket()).toMatchObject({ loggedOut: false, ended: true });
    expect(removals).toEqual(['logged out by its owner']);
  });
});

describe('a WhatsApp session’s receipts', () => {
  it('passes on delivered and read receipts of the messages it sent, and nothing else', async () => {
    const { socket, receipts } = await startSession();
    const key = (id: string, fromMe = true) => ({ id, fromMe, remoteJid: '4917000000000@s.whatsapp.net' });

    socket().ev.emit('messages.update', [
      { key: key('WA1'), update: { status: 3 } },
      { key: key('WA2'), update: { status: 4 } },
      { key: key('WA3', false), update: { status: 4 } },
    ]);
    socket().ev.emit('message-receipt.update', [
      { key: key('WA4'), receipt: { userJid: 'x', receiptTimestamp: 1 } },
      { key: key('WA5'), receipt: { userJid: 'x', readTimestamp: 2 } },
    ]);

    expect(receipts).toEqual([
      ['WA1', 'delivered'],
      ['WA2', 'read'],
      ['WA4', 'delivered'],
      ['WA5', 'read'],
    ]);
  });
});

describe('a WhatsApp session’s messages and contacts', () => {
  const contactJid = '4917000000000@s.whatsapp.net';
  const contactLid = '81234567890123@lid';
  const groupJid = '120363000000000001@g.us';

  it('passes on each message of an upsert as Baileys gave it, with the upsert type', async () => {
    const { socket, events } = await startSession();
    const fromContact = { key: { id: 'WA1', remoteJid: contactJid, fromMe: false }, message: { conversation: 'hi' }, pushName: 'Alice' };
    const fromOwnPhone = { key: { id: 'WA2', remoteJid: contactJid, fromMe: true }, message: { conversation: 'hello Alice' } };

    socket().ev.emit('messages.upsert', { messages: [fromContact, fromOwnPhone], type: 'notify' });

    expect(events.filter((event) => event.kind === 'message')).toEqual([
      { kind: 'message', message: fromContact, upsertType: 'notify' },
      { kind: 'message', message: fromOwnPhone, upsertType: 'notify' },
    ]);
  });

  it('reports an edit with the edited message’s id and new content, and a revoke with the deleted message’s id', async () => {
    const { socket, events } = await startSession();
    const editedKey = { id: 'WA1', remoteJid: contactJid, fromMe: false };
    const revokedKey = { id: 'WA2', remoteJid: contactJid, fromMe: false };

    // As Baileys reports a contact's MESSAGE_EDIT and REVOKE protocol messages.
    socket().ev.emit('messages.update', [
      {
        key: editedKey,
        update: { message: { editedMessage: { message: { conversation: 'hi, edited' } } }, messageTimestamp: 1_700_000_000 },
      },
      { key: revokedKey, update: { message: null, messageStubType: WAMessageStubType.REVOKE, key: { id: 'WA3', remoteJid: contactJid } } },
    ]);

    expect(events).toEqual([
      { kind: 'message-edited', waMessageId: 'WA1', key: editedKey, content: { conversation: 'hi, edited' }, editedAt: 1_700_000_000 },
      { kind: 'message-revoked', waMessageId: 'WA2', key: revokedKey },
    ]);
  });

  it('learns push names of senders and contacts, and which phone number a LID stands for', async () => {
    const { socket, events } = await startSession();

    socket().ev.emit('messages.upsert', {
      type: 'notify',
      messages: [
        { key: { id: 'WA1', remoteJid: contactLid, remoteJidAlt: contactJid, fromMe: false }, pushName: 'Alice' },
        { key: { id: 'WA2', remoteJid: groupJid, participant: '4917111111111:2@s.whatsapp.net', fromMe: false }, pushName: 'Bob' },
        { key: { id: 'WA3', remoteJid: contactJid, fromMe: true }, pushName: 'Our own name' },
      ],
    });
    socket().ev.emit('contacts.update', [
      { id: '4917222222222@s.whatsapp.net', notify: 'Carol' },
      { id: contactJid, imgUrl: 'changed' },
    ]);
    socket().ev.emit('contacts.upsert', [
      { id: '4917333333333@s.whatsapp.net', lid: '83333333333333@lid', name: 'Dave (saved)' },
      { id: '4917444444444@s.whatsapp.net', name: 'Eve (saved)' },
    ]);
    socket().ev.emit('lid-mapping.update', { lid: '85555555555555@lid', pn: '4917555555555@s.whatsapp.net' });

    expect(events.filter((event) => event.kind === 'contact-name')).toEqual([
      { kind: 'contact-name', jid: contactLid, pushName: 'Alice', lid: contactLid, phoneJid: contactJid },
      { kind: 'contact-name', jid: '4917111111111@s.whatsapp.net', pushName: 'Bob', phoneJid: '4917111111111@s.whatsapp.net' },
      { kind: 'contact-name', jid: '4917222222222@s.whatsapp.net', pushName: 'Carol', phoneJid: '4917222222222@s.whatsapp.net' },
      { kind: 'contact-name', jid: '4917333333333@s.whatsapp.net', lid: '83333333333333@lid', phoneJid: '4917333333333@s.whatsapp.net' },
      { kind: 'contact-name', jid: '85555555555555@lid', lid: '85555555555555@lid', phoneJid: '4917555555555@s.whatsapp.net' },
    ]);
  });
});
