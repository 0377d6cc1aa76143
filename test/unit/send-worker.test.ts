import { describe, expect, it } from 'vitest';
import { waMessageIdOf } from '../../shared/ids.ts';
import { mediaUrlProblems } from '../../shared/messages/media-url.ts';
import type { SessionStatus } from '../../shared/schemas/sessions.ts';
import { mediaFetchReasons, MediaFetchError } from '../../connector/media/media-fetch-error.ts';
import type { TargetChange } from '../../connector/sending/target-change.ts';
import { SendWorker, type MessageSocket, type SendableMessage, type Sender, type SendStore } from '../../connector/sending/send-worker.ts';

const sessionId = 'ses_01J0000000000000000000000A';
const userId = 7;
const jid = '4915112345678@s.whatsapp.net';
const maxAttempts = 2;
const waitForConnectionMs = 60_000;

let nextId = 0;
function newMessageId(): string {
  nextId += 1;
  return `msg_01J${String(nextId).padStart(23, '0')}`;
}

type Stored = SendableMessage & { failureReason?: string; sentAt?: string };

/** The table as the send worker sees it: a transition moves a message only from the status it names, of its session and owner. */
class FakeStore implements SendStore {
  readonly messages = new Map<string, Stored>();
  readonly sessions = new Map<string, { status: SessionStatus }>();
  /** What each transition or advance asked, in order, answered or not. */
  readonly moves: string[] = [];

  async getMessage(messageId: string): Promise<Stored | undefined> {
    const stored = this.messages.get(messageId);
    return stored && { ...stored };
  }

  async transition(message: SendableMessage, to: 'processing' | 'completed' | 'failed', fields: Partial<Stored>): Promise<boolean> {
    this.moves.push(`${message.status}→${to}`);
    const stored = this.messages.get(message.messageId);
    if (!stored || stored.status !== message.status || stored.sessionId !== message.sessionId || stored.userId !== message.userId)
      return false;
    Object.assign(stored, fields, { status: to });
    return true;
  }

  async advance(messageId: string, to: 'failed', fields: Partial<Stored>): Promise<boolean> {
    const stored = this.messages.get(messageId);
    this.moves.push(`advance→${to}`);
    if (!stored || !['pending', 'processing'].includes(stored.status)) return false;
    Object.assign(stored, fields, { status: to });
    return true;
  }

  async getSession(id: string): Promise<{ status: SessionStatus } | undefined> {
    return this.sessions.get(id);
  }

  readonly changes: TargetChange[] = [];

  async changeTarget(change: TargetChange): Promise<void> {
    this.changes.push(change);
  }
}

/** A socket that records what it sent; numbers are on WhatsApp unless listed as not. */
class FakeSocket implements MessageSocket {
  readonly sent: { jid: string; content: unknown; messageId: string | undefined }[] = [];
  readonly lookups: string[] = [];
  readonly notOnWhatsApp = new Set<string>();
  /** When set, the next sends fail with it. */
  failWith: Error | undefined;
  /** When set, what a send answers is dated so (ms). */
  editStamp: number | undefined;
  /** When set, a send waits for it before it is taken. */
  hold: Promise<void> | undefined;

  sendMessage: MessageSocket['sendMessage'] = async (to, content, options) => {
    await this.hold;
    if (this.failWith) throw this.failWith;
    this.sent.push({ jid: to, content, messageId: options?.messageId });
    // As Baileys answers an edit: its protocol message dated in milliseconds.
    return this.editStamp === undefined ? undefined : { key: {}, message: { protocolMessage: { timestampMs: this.editStamp } } };
  };

  onWhatsApp: MessageSocket['onWhatsApp'] = async (...numbers) => {
    this.lookups.push(...numbers);
    return numbers.map((number) => ({ jid: number, exists: !this.notOnWhatsApp.has(number) }));
  };
}

function setUp(options: { connected?: boolean; senderUserId?: number } = {}) {
  const store = new FakeStore();
  const socket = new FakeSocket();
  const waits: number[] = [];
  const senders = new Map<string, Sender>();
  if (options.connected ?? true) senders.set(sessionId, { sessionId, userId: options.senderUserId ?? userId, socket });
  const worker = new SendWorker({
    store,
    waitForSender: async (id, timeoutMs) => {
      waits.push(timeoutMs);
      return senders.get(id);
    },
    minGapMs: 0,
    jitterMs: 0,
    waitForConnectionMs,
    maxAttempts,
    mediaAllowHosts: [],
  });
  store.sessions.set(sessionId, { status: options.connected === false ? 'reconnecting' : 'connected' });
  return { store, socket, worker, waits, senders };
}

/** Stores a pending text and answers its queue body, with the content carried unless `carried` is false. */
function queueText(store: FakeStore, overrides: Partial<Stored> = {}, carried = true): { messageId: string; body: string } {
  const message: Stored = {
    messageId: newMessageId(),
    sessionId,
    userId,
    content: { type: 'text', text: 'hello' },
    jid,
    isGroup: false,
    status: 'pending',
    attempts: 0,
    ...overrides,
  };
  store.messages.set(message.messageId, message);
  const content = { jid: message.jid, isGroup: message.isGroup, content: message.content };
  return {
    messageId: message.messageId,
    body: JSON.stringify({ messageId: message.messageId, sessionId, userId, ...(carried ? { content } : {}) }),
  };
}

const signal = new AbortController().signal;

describe('the send worker', () => {
  it('stores a sent edit on its target, dated to the second as WhatsApp echoes it, before the edit is completed', async () => {
    const { store, socket, worker } = setUp();
    socket.editStamp = 1_767_261_605_789;
    const target = { messageId: 'msg_target', key: { remoteJid: jid, id: 'WA_TARGET', fromMe: true } };
    const { messageId, body } = queueText(store, { content: { type: 'edit', text: 'fixed', target } });

    await worker.handle(body, signal);

    expect(socket.sent[0]!.content).toEqual({ text: 'fixed', edit: target.key });
    expect(store.changes).toEqual([
      { kind: 'edit', target: { messageId: 'msg_target', sessionId }, text: 'fixed', at: new Date(1_767_261_605_000) },
    ]);
    expect(store.messages.get(messageId)?.status).toBe('completed');
  });

  it('stores a sent delete on its target; a text changes no other message', async () => {
    const { store, socket, worker } = setUp();
    const target = { messageId: 'msg_target', key: { remoteJid: jid, id: 'WA_TARGET', fromMe: true } };
    const deletion = queueText(store, { content: { type: 'delete', target } });
    const text = queueText(store);

    await worker.handle(deletion.body, signal);
    await worker.handle(text.body, signal);

    expect(socket.sent[0]!.content).toEqual({ delete: target.key });
    expect(store.changes).toMatchObject([{ kind: 'delete', target: { messageId: 'msg_target', sessionId } }]);
  });

  it('claims a message, sends it under its WhatsApp id and marks it completed', async () => {
    const { store, socket, worker } = setUp();
    const { messageId, body } = queueText(store);

    await worker.handle(body, signal);

    expect(socket.sent).toEqual([{ jid, content: { text: 'hello' }, messageId: waMessageIdOf(messageId) }]);
    expect(store.moves).toEqual(['pending→processing', 'processing→completed']);
    expect(store.messages.get(messageId)).toMatchObject({ status: 'completed', attempts: 1, sentAt: expect.any(String) });
  });

  it('reads a message whose content was too large to queue from the table', async () => {
    const { store, socket, worker } = setUp();
    const { messageId, body } = queueText(store, { content: { type: 'text', text: 'long' } }, false);

    await worker.handle(body, signal);

    expect(socket.sent).toEqual([{ jid, content: { text: 'long' }, messageId: waMessageIdOf(messageId) }]);
    expect(store.messages.get(messageId)?.status).toBe('completed');
  });

  it('sends nothing when its claim loses the race to a copy that already sent it', async () => {
    const { store, socket, worker } = setUp();
    const { messageId, body } = queueText(store, { status: 'completed', attempts: 1 });

    await worker.handle(body, signal);

    expect(socket.sent).toEqual([]);
    expect(store.moves).toEqual(['pending→processing']);
    expect(store.messages.get(messageId)).toMatchObject({ status: 'completed', attempts: 1 });
  });

  it('claims a stale queued copy from the status stored, counting the attempt', async () => {
    const { store, socket, worker } = setUp();
    const { messageId, body } = queueText(store, { status: 'processing', attempts: 1 });

    await worker.handle(body, signal);

    expect(socket.sent).toHaveLength(1);
    expect(store.moves).toEqual(['pending→processing', 'processing→processing', 'processing→completed']);
    expect(store.messages.get(messageId)).toMatchObject({ status: 'completed', attempts: 2 });
  });

  it('throws a send that WhatsApp refused to be retried, and fails it with the reason at the last attempt', async () => {
    const { store, socket, worker } = setUp();
    const { messageId, body } = queueText(store);
    socket.failWith = new Error('Connection Closed');

    await expect(worker.handle(body, signal)).rejects.toThrow('Connection Closed');
    expect(store.messages.get(messageId)).toMatchObject({ status: 'processing', attempts: 1 });

    await worker.handle(body, signal);
    expect(store.messages.get(messageId)).toMatchObject({
      status: 'failed',
      attempts: maxAttempts,
      failureReason: 'WhatsApp did not take the message: Connection Closed',
    });
    expect(socket.sent).toEqual([]);
  });

  it('fails a message whose media URL is refused, with the reason, without retrying', async () => {
    const { store, socket, worker } = setUp();
    const { messageId, body } = queueText(store, { content: { type: 'image', media: { url: 'http://10.0.0.7/cat.png' } } });

    await worker.handle(body, signal);

    expect(socket.sent).toEqual([]);
    expect(store.messages.get(messageId)).toMatchObject({
      status: 'failed',
      attempts: 1,
      failureReason: `media URL ${mediaUrlProblems.privateHost}`,
    });
  });

  it('fails a message whose media download breaks off during the send, with the reason', async () => {
    const { store, worker, socket } = setUp();
    const { messageId, body } = queueText(store);
    socket.failWith = new MediaFetchError(mediaFetchReasons.timedOut);

    await worker.handle(body, signal);

    expect(store.messages.get(messageId)).toMatchObject({ status: 'failed', failureReason: mediaFetchReasons.timedOut });
  });

  it('fails a message to a number that is not on WhatsApp', async () => {
    const { store, socket, worker } = setUp();
    const { messageId, body } = queueText(store);
    socket.notOnWhatsApp.add(jid);

    await worker.handle(body, signal);

    expect(socket.sent).toEqual([]);
    expect(store.messages.get(messageId)).toMatchObject({ status: 'failed', failureReason: 'recipient is not on WhatsApp' });
  });

  it('asks WhatsApp once per session about a number found on it, and never about a group', async () => {
    const { store, socket, worker } = setUp();

    await worker.handle(queueText(store).body, signal);
    await worker.handle(queueText(store).body, signal);
    await worker.handle(queueText(store, { jid: '120363000000000000@g.us', isGroup: true }).body, signal);

    expect(socket.sent).toHaveLength(3);
    expect(socket.lookups).toEqual([jid]);
  });

  it.each([
    ['logged_out', 'session is logged out'],
    ['stopped', 'session is stopped'],
    ['failed', 'session is failed'],
  ] as const)('fails a message of a %s session from its stored status', async (status, reason) => {
    const { store, worker } = setUp({ connected: false });
    store.sessions.set(sessionId, { status });
    const { messageId, body } = queueText(store, { status: 'processing', attempts: 1 });

    await worker.handle(body, signal);

    expect(store.messages.get(messageId)).toMatchObject({ status: 'failed', failureReason: reason });
  });

  it('fails a message of a deleted session', async () => {
    const { store, worker } = setUp({ connected: false });
    store.sessions.delete(sessionId);
    const { messageId, body } = queueText(store);

    await worker.handle(body, signal);

    expect(store.messages.get(messageId)).toMatchObject({ status: 'failed', failureReason: 'session was deleted' });
  });

  it('waits for a session that is not connected, then throws so the message is delivered again', async () => {
    const { store, worker, waits } = setUp({ connected: false });
    const { messageId, body } = queueText(store);

    await expect(worker.handle(body, signal)).rejects.toThrow(`session ${sessionId} is not connected`);

    expect(waits).toEqual([0, waitForConnectionMs]);
    expect(store.messages.get(messageId)).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it('sends once a session that was not connected connects while the message waits', async () => {
    const { store, socket, worker, senders } = setUp({ connected: false });
    const { messageId, body } = queueText(store);
    const sending = worker.handle(body, signal);
    senders.set(sessionId, { sessionId, userId, socket });

    await sending;

    expect(store.messages.get(messageId)?.status).toBe('completed');
  });

  it('sends nothing through a session of another owner', async () => {
    const { store, socket, worker } = setUp({ senderUserId: userId + 1 });
    const { messageId, body } = queueText(store);

    await worker.handle(body, signal);

    expect(socket.sent).toEqual([]);
    expect(store.moves).toEqual([]);
    expect(store.messages.get(messageId)?.status).toBe('pending');
  });

  it('sends nothing when the stored message belongs to another session', async () => {
    const { store, socket, worker, senders } = setUp();
    const otherSessionId = 'ses_01J0000000000000000000000B';
    const otherSocket = new FakeSocket();
    senders.set(otherSessionId, { sessionId: otherSessionId, userId, socket: otherSocket });
    const { messageId, body } = queueText(store, { sessionId: otherSessionId }, false);

    await worker.handle(body, signal);

    expect([...socket.sent, ...otherSocket.sent]).toEqual([]);
    expect(store.messages.get(messageId)?.status).toBe('pending');
  });

  it('sends one session’s messages in order, one at a time, while another session’s go meanwhile', async () => {
    const { store, socket, worker, senders } = setUp();
    const otherSessionId = 'ses_01J0000000000000000000000C';
    const otherSocket = new FakeSocket();
    senders.set(otherSessionId, { sessionId: otherSessionId, userId, socket: otherSocket });
    let release!: () => void;
    socket.hold = new Promise((resolve) => (release = resolve));
    const first = queueText(store, { content: { type: 'text', text: 'first' } });
    const second = queueText(store, { content: { type: 'text', text: 'second' } });
    const other = store.messages.get(queueText(store).messageId)!;
    Object.assign(other, { sessionId: otherSessionId });

    const sending = [worker.handle(first.body, signal), worker.handle(second.body, signal)];
    await worker.handle(JSON.stringify({ messageId: other.messageId, sessionId: otherSessionId, userId }), signal);
    expect(otherSocket.sent).toHaveLength(1);
    expect(store.messages.get(second.messageId)?.status).toBe('pending');

    release();
    await Promise.all(sending);
    expect(socket.sent.map((sent) => sent.content)).toEqual([{ text: 'first' }, { text: 'second' }]);
  });
});
