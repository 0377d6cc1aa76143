import { jidNormalizedUser, type AuthenticationState, type WASocket } from '@whiskeysockets/baileys';
import { deleteAuthState } from '../../shared/auth-state.ts';
import type { ShardLease } from '../../shared/leases/repository.ts';
import { logger } from '../../shared/logger.ts';
import { pollUntil } from '../../shared/poll.ts';
import type { ControlMessage } from '../../shared/queues/control.ts';
import { removalReasons, removeSession } from '../../shared/sessions/removal.ts';
import * as sessions from '../../shared/sessions/repository.ts';
import { liveStatuses, type Session } from '../../shared/sessions/session.ts';
import { writeRpcResult } from '../../shared/profile/rpc-results.ts';
import { loadS3AuthState } from '../auth-state/s3-auth-state.ts';
import { inboundWritesSettled } from '../inbound/writes.ts';
import type { Sender } from '../sending/send-worker.ts';
import { lookUpContact } from './profile-lookup.ts';
import type { SinkContext } from './session-events.ts';
import { storeEvent } from './sinks/registry.ts';
import { WhatsAppSession, type SessionSettings } from './whatsapp-session.ts';

/** Sessions started at once when a shard is taken over, so a takeover does not stampede. */
const adoptConcurrency = 10;

export interface SessionHostOptions {
  openSocket(auth: AuthenticationState): WASocket;
  /** The fence of a shard this task holds, or undefined once it is lost. */
  fenceOf(shard: number): number | undefined;
  settings: SessionSettings;
}

/**
 * The sessions of the shards this connector task holds, by internal id: started on takeover,
 * released on loss. Nothing here knows a session's public name.
 */
export class SessionHost {
  readonly #options: SessionHostOptions;
  readonly #running = new Map<string, { session: WhatsAppSession<WASocket>; shard: number; userId: number }>();

  constructor(options: SessionHostOptions) {
    this.#options = options;
  }

  /**
   * Reconnects every session of the shard that was linked, from its stored auth state. They read
   * `reconnecting` until their socket opens: the previous holder may have died without a word.
   */
  async adoptShard(lease: ShardLease): Promise<void> {
    const linked = (await sessions.listSessionsOfShard(lease.shard)).filter(
      (item) => liveStatuses.includes(item.status) && !this.#running.has(item.sessionId),
    );
    const now = new Date().toISOString();
    await Promise.all(linked.map((item) => sessions.applyConnectorUpdate(item.sessionId, lease.fence, { status: 'reconnecting' }, now)));
    for (let start = 0; start < linked.length; start += adoptConcurrency) {
      if (this.#options.fenceOf(lease.shard) !== lease.fence) return;
      // A control start may have run a session since: it is left as it is.
      const batch = linked.slice(start, start + adoptConcurrency).filter((item) => !this.#running.has(item.sessionId));
      await Promise.all(batch.map((item) => this.#run(item, item.method)));
    }
  }

  /** Closes the shard's sockets without logging out: the next holder resumes them. */
  async dropShard(shard: number): Promise<void> {
    const leaving = [...this.#running].filter(([, entry]) => entry.shard === shard);
    for (const [sessionId] of leaving) this.#running.delete(sessionId);
    const released = await Promise.allSettled(leaving.map(([, entry]) => entry.session.release()));
    // One failed release (a late auth-state write) must not keep the others open; it is logged instead.
    released.forEach((result, index) => {
      if (result.status === 'rejected')
        logger().error('Session could not be released', { sessionId: leaving[index]![0], error: result.reason });
    });
    // What the sessions received is stored before the shard is let go (and a stopping process exits): WhatsApp has its receipts.
    await Promise.all(leaving.map(([sessionId]) => inboundWritesSettled(sessionId)));
  }

  async handleControl(message: ControlMessage): Promise<void> {
    if (message.type === 'profile') return this.#answerProfile(message);
    const current = this.#running.get(message.sessionId);
    const item = await sessions.getSession(message.sessionId);
    if (message.type === 'logout') {
      const reason = removalReasons[message.reason ?? 'logout'];
      this.#running.delete(message.sessionId);
      if (current) await current.session.logout(reason);
      else if (item) await removeSession(item, reason);
      return;
    }
    if (!item) return;
    // A start for a session that is already connected changes nothing; otherwise begin afresh.
    if (current?.session.connected) return;
    await this.#run(item, message.method);
  }

  /** The connected socket of a session this task runs. */
  socketOf(sessionId: string): WASocket | undefined {
    return this.#running.get(sessionId)?.session.socket;
  }

  /** Waits (bounded) until the session's socket is open, and answers it with the session's owner; undefined on time-out or abort. */
  async waitForSender(sessionId: string, timeoutMs: number, signal: AbortSignal): Promise<Sender | undefined> {
    const senderNow = (): Sender | undefined => {
      const entry = this.#running.get(sessionId);
      const socket = entry?.session.socket;
      return entry && socket ? { sessionId, userId: entry.userId, socket } : undefined;
    };
    return (await pollUntil(senderNow, (sender) => sender !== undefined, { timeoutMs, intervalMs: 200, signal })).value;
  }

  async #answerProfile(message: Extract<ControlMessage, { type: 'profile' }>): Promise<void> {
    const socket = this.socketOf(message.sessionId);
    const outcome = socket
      ? await lookUpContact(socket, message.jid).catch((error: unknown) => ({
          ok: false as const,
          error: `Lookup failed: ${(error as Error).message}`,
        }))
      : { ok: false as const, error: 'Session is not connected' };
    await writeRpcResult(message.requestId, outcome);
  }

  counts(): { running: number; connected: number } {
    const all = [...this.#running.values()];
    return { running: all.length, connected: all.filter((entry) => entry.session.connected).length };
  }

  async #run(item: Session, method: 'qr' | 'code'): Promise<void> {
    const { sessionId, shard } = item;
    const sinkContext: SinkContext = {
      sessionId,
      sessionName: item.name,
      userId: item.userId,
      phoneNumber: item.phoneNumber,
      phoneOfLid: async (lid) => {
        const phoneJid = await session.socket?.signalRepository.lidMapping.getPNForLID(lid);
        return phoneJid ? jidNormalizedUser(phoneJid) : undefined;
      },
      fence: () => this.#options.fenceOf(shard),
      superseded: () => {
        if (this.#running.get(sessionId)?.session === session) this.#running.delete(sessionId);
      },
    };
    const session = new WhatsAppSession(
      { sessionId, phoneNumber: item.phoneNumber, method },
      {
        openSocket: (auth) => this.#options.openSocket(auth),
        loadAuthState: () => loadS3AuthState(sessionId),
        deleteAuthState: () => deleteAuthState(sessionId),
        remove: async (reason) => {
          this.#running.delete(sessionId);
          await removeSession(item, reason);
        },
        emit: (event) => storeEvent(event, sinkContext),
        settings: this.#options.settings,
      },
    );
    // Replaced at once, so a racing run (a start during a takeover) sees this one; the one it
    // replaces is released before this one loads the auth state, so no socket is left orphaned.
    const previous = this.#running.get(sessionId);
    this.#running.set(sessionId, { session, shard, userId: item.userId });
    await previous?.session.release().catch((error: unknown) => logger().error('Session could not be released', { sessionId, error }));
    try {
      await session.start();
    } catch (error) {
      logger().error('Session could not start', { sessionId, error });
      if (this.#running.get(sessionId)?.session === session) this.#running.delete(sessionId);
      await session.stop(`Could not start: ${error instanceof Error ? error.message : String(error)}`, 'failed');
    }
  }
}
