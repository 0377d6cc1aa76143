import type { AuthenticationState, BaileysEventEmitter, ConnectionState, WASocket } from '@whiskeysockets/baileys';
import { logger } from '../../shared/logger.ts';
import { count } from '../../shared/metrics-emitter.ts';
import type { ConnectorUpdate } from '../../shared/sessions/repository.ts';
import { phoneDigits } from '../../shared/sessions/phone.ts';
import { fromContacts, fromLidMapping, fromMessageUpdates, fromReceiptUpdates, fromUpsert } from './baileys-events.ts';
import type { SessionEvent } from './session-events.ts';

/** WhatsApp's close codes (Baileys' DisconnectReason) that decide what happens next. */
const closeCodes = { loggedOut: 401, forbidden: 403, multideviceMismatch: 411, connectionReplaced: 440, restartRequired: 515 } as const;

export interface SessionSettings {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** What a session uses of its auth state (S3AuthState in production). */
export interface AuthStore {
  state: AuthenticationState;
  saveCreds(): Promise<void>;
  /** Refuses later writes and waits for those already started. */
  close(): Promise<void>;
}

/** What a session uses of its Baileys socket. */
export type SessionSocket = Pick<WASocket, 'user' | 'end' | 'logout' | 'requestPairingCode'> & {
  ev: Pick<BaileysEventEmitter, 'on' | 'removeAllListeners'>;
};

export interface SessionDeps<Socket extends SessionSocket> {
  openSocket(auth: AuthenticationState): Socket;
  loadAuthState(): Promise<AuthStore>;
  deleteAuthState(): Promise<void>;
  /**
   * Hands an event to the connector's sink for its kind. Answers false when this connector no
   * longer owns the session: a session-state write, fenced by the shard lease, was refused (or the
   * shard is gone). Every other kind answers true. State events are awaited in order; the rest not.
   */
  emit(event: SessionEvent): Promise<boolean>;
  /** Deletes the session, its auth state, and fails what still waits to be sent through it, for `reason`. */
  remove(reason: string): Promise<void>;
  settings: SessionSettings;
}

/** The socket events a session listens to; all are dropped on release. */
const socketEvents = [
  'creds.update',
  'connection.update',
  'messages.upsert',
  'messages.update',
  'message-receipt.update',
  'contacts.upsert',
  'contacts.update',
  'lid-mapping.update',
] as const;

export interface SessionSpec {
  sessionId: string;
  phoneNumber: string;
  method: 'qr' | 'code';
}

type Phase = 'idle' | 'running' | 'closed';

/**
 * One linked (or linking) WhatsApp number and its socket, as a small state machine:
 * starting → qr → connected → reconnecting → logged_out | failed | stopped.
 * It reconnects with backoff and jitter unless logged out, replaced or out of attempts; makes the
 * new socket WhatsApp asks for after pairing (515); never runs two reconnects at once; and tears
 * everything down when closed.
 */
export class WhatsAppSession<Socket extends SessionSocket = SessionSocket> {
  readonly spec: SessionSpec;
  readonly #deps: SessionDeps<Socket>;
  #phase: Phase = 'idle';
  #auth: AuthStore | undefined;
  #socket: Socket | undefined;
  #attempts = 0;
  #reconnectTimer: NodeJS.Timeout | undefined;
  #pairingCodeRequested = false;
  #connected = false;

  constructor(spec: SessionSpec, deps: SessionDeps<Socket>) {
    this.spec = spec;
    this.#deps = deps;
  }

  get connected(): boolean {
    return this.#connected;
  }

  /** The open socket, for sends; undefined while not connected. */
  get socket(): Socket | undefined {
    return this.#connected ? this.#socket : undefined;
  }

  async start(): Promise<void> {
    if (this.#phase !== 'idle') return;
    this.#phase = 'running';
    this.#auth = await this.#deps.loadAuthState();
    this.#connect();
  }

  /** Closes the socket without logging out (shard handed over, shutdown); the next owner resumes. */
  async release(): Promise<void> {
    if (this.#phase === 'closed') return;
    this.#phase = 'closed';
    this.#connected = false;
    clearTimeout(this.#reconnectTimer);
    const socket = this.#socket;
    this.#socket = undefined;
    // No late `creds.update` may write after release: the state may be deleted next.
    for (const event of socketEvents) socket?.ev.removeAllListeners(event);
    void socket?.end(undefined);
    await this.#auth?.close();
  }

  /** Stops for good with a reason the owner can read in the session's status. */
  async stop(reason: string, status: 'stopped' | 'failed' = 'stopped'): Promise<void> {
    await this.release();
    await this.#writeState({ status, lastError: reason });
  }

  /** Unlinks the device on WhatsApp, then deletes the session and everything stored for it; `reason` fails what waited on it. */
  async logout(reason: string): Promise<void> {
    const socket = this.socket;
    if (socket)
      await socket
        .logout()
        .catch((error: unknown) => logger().warn('Logout on WhatsApp failed', { sessionId: this.spec.sessionId, error }));
    await this.release();
    await this.#deps.remove(reason);
  }

  #connect(): void {
    if (this.#phase !== 'running' || !this.#auth) return;
    const socket = this.#deps.openSocket(this.#auth.state);
    this.#socket = socket;
    socket.ev.on('creds.update', () => {
      if (this.#phase === 'running')
        void this.#auth?.saveCreds().catch((error: unknown) => this.#fail('Could not save credentials', error));
    });
    socket.ev.on('connection.update', (update) => {
      if (socket === this.#socket)
        void this.#onUpdate(socket, update).catch((error: unknown) => this.#fail('Session update failed', error));
    });
    socket.ev.on('messages.upsert', (upsert) => this.#pass(fromUpsert(upsert)));
    socket.ev.on('messages.update', (updates) => this.#pass(fromMessageUpdates(updates)));
    socket.ev.on('message-receipt.update', (receipts) => this.#pass(fromReceiptUpdates(receipts)));
    socket.ev.on('contacts.upsert', (contacts) => this.#pass(fromContacts(contacts)));
    socket.ev.on('contacts.update', (contacts) => this.#pass(fromContacts(contacts)));
    socket.ev.on('lid-mapping.update', (mapping) => this.#pass(fromLidMapping(mapping)));
  }

  async #onUpdate(socket: Socket, update: Partial<ConnectionState>): Promise<void> {
    if (update.qr) await this.#onQr(socket, update.qr);
    if (update.connection === 'open') await this.#onOpen(socket);
    if (update.connection === 'close') await this.#onClose(update);
  }

  async #onQr(socket: Socket, qr: string): Promise<void> {
    if (this.spec.method === 'qr') {
      await this.#report({ status: 'qr', qr });
      return;
    }
    if (this.#pairingCodeRequested) return;
    this.#pairingCodeRequested = true;
    const code = await socket.requestPairingCode(phoneDigits(this.spec.phoneNumber));
    await this.#report({ status: 'qr', pairingCode: code.length === 8 ? `${code.slice(0, 4)}-${code.slice(4)}` : code });
  }

  async #onOpen(socket: Socket): Promise<void> {
    const linkedJid = socket.user?.id ?? '';
    const linkedDigits = linkedJid.split(/[:@]/)[0];
    if (linkedDigits && linkedDigits !== phoneDigits(this.spec.phoneNumber)) {
      // Linked by another phone than the session declares: undo it rather than send as someone else.
      await socket.logout().catch(() => undefined);
      await this.release();
      await this.#deps.deleteAuthState();
      await this.#writeState({
        status: 'failed',
        lastError: `Linked by +${linkedDigits}, not ${this.spec.phoneNumber}; scan with the session's phone`,
      });
      return;
    }
    this.#attempts = 0;
    this.#connected = true;
    await this.#report({ status: 'connected', linkedJid });
  }

  async #onClose(update: Partial<ConnectionState>): Promise<void> {
    this.#connected = false;
    const error = update.lastDisconnect?.error as (Error & { output?: { statusCode?: number } }) | undefined;
    const code = error?.output?.statusCode;
    const linked = Boolean(this.#auth?.state.creds.me);
    logger().info('WhatsApp connection closed', { sessionId: this.spec.sessionId, code, reason: error?.message });
    if (linked && code !== closeCodes.restartRequired) count('sessionsDisconnected');

    if (code === closeCodes.restartRequired) return this.#reconnectNow();
    if (code === closeCodes.loggedOut) {
      await this.release();
      await this.#deps.deleteAuthState();
      await this.#writeState({ status: 'logged_out', lastError: 'Logged out: the device was unlinked from the phone' });
      return;
    }
    if (code === closeCodes.connectionReplaced) return this.stop('Connection replaced: this WhatsApp session was opened elsewhere');
    if (code === closeCodes.forbidden || code === closeCodes.multideviceMismatch)
      return this.stop(`WhatsApp refused the session (${code})`, 'failed');
    if (!linked) {
      // Someone is waiting on the link: report at once instead of retrying behind their back.
      const reason =
        error?.message === 'QR refs attempts ended'
          ? 'The QR code expired before it was scanned'
          : `Could not reach WhatsApp: ${error?.message ?? 'connection closed'}`;
      return this.stop(reason, 'failed');
    }
    await this.#scheduleReconnect(error?.message);
  }

  #reconnectNow(): void {
    if (this.#reconnectTimer || this.#phase !== 'running') return;
    this.#socket?.ev.removeAllListeners('connection.update');
    this.#connect();
  }

  async #scheduleReconnect(reason: string | undefined): Promise<void> {
    if (this.#reconnectTimer || this.#phase !== 'running') return;
    this.#attempts += 1;
    const { maxAttempts, baseDelayMs, maxDelayMs } = this.#deps.settings;
    if (this.#attempts > maxAttempts)
      return this.stop(`Gave up after ${maxAttempts} failed reconnects: ${reason ?? 'connection closed'}`, 'failed');
    await this.#report({ status: 'reconnecting', lastError: reason });
    const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (this.#attempts - 1));
    const delay = ceiling / 2 + Math.random() * (ceiling / 2);
    this.#reconnectTimer = setTimeout(() => {
      this.#reconnectTimer = undefined;
      this.#connect();
    }, delay);
  }

  /** Writes a status while running; a refused write means this connector no longer owns the session. */
  async #report(update: ConnectorUpdate): Promise<void> {
    if (this.#phase !== 'running') return;
    if (!(await this.#writeState(update))) await this.release();
  }

  /** The fenced status write, awaited: its answer says whether this connector still owns the session. */
  #writeState(update: ConnectorUpdate): Promise<boolean> {
    return this.#deps.emit({ kind: 'session-state', update });
  }

  /** Passes on what the socket reported without waiting: the socket's next event does not depend on it. */
  #pass(events: SessionEvent[]): void {
    for (const event of events)
      void this.#deps.emit(event).catch((error: unknown) => this.#fail(`Could not store a ${event.kind} event`, error));
  }

  #fail(message: string, error: unknown): void {
    logger().error(message, { sessionId: this.spec.sessionId, error });
  }
}
