import { randomUUID } from 'node:crypto';
import QRCode from 'qrcode';
import type { Caller } from '../auth/authenticate.ts';
import { config } from '../config.ts';
import { AlreadyExists, InvalidInput, NotFound, Timeout, UpstreamFailed } from '../errors.ts';
import { newSessionId } from '../ids.ts';
import { pollUntil } from '../poll.ts';
import { sendControl } from '../queues/control.ts';
import type { SessionStatus } from '../schemas/sessions.ts';
import { removalReasons, removeSession } from './removal.ts';
import * as sessions from './repository.ts';
import { endedStatuses, type Session } from './session.ts';
import { shardOf } from './shard.ts';

export const sessionNotFoundMessage = 'Session not found';

export type StartOutcome =
  { connected: true; session: Session } | { connected: false; session: Session; qr?: string; pairingCode?: string };

/**
 * Creates the caller's session of this name if new (or restarts their own), asks its connector to
 * link it, and waits (bounded) for the QR, the pairing code, or the news that it is connected.
 * Names and numbers are the caller's own: other tenants may use the same ones.
 */
export async function startSession(
  caller: Caller,
  input: { session: string; phoneNumber: string; method: 'qr' | 'code' },
): Promise<StartOutcome> {
  const now = new Date().toISOString();
  let session = await sessions.findSessionByName(caller.userId, input.session);
  if (session && session.phoneNumber !== input.phoneNumber) throw new AlreadyExists(sessions.sessionExistsMessage);
  if (session?.status === 'connected') return { connected: true, session };
  if (session) {
    await sessions.markStartRequested(session.sessionId, input.method, now);
  } else {
    const sessionId = newSessionId();
    session = {
      sessionId,
      name: input.session,
      userId: caller.userId,
      phoneNumber: input.phoneNumber,
      shard: shardOf(sessionId, config().SHARD_COUNT),
      status: 'starting',
      method: input.method,
      startRequestedAt: now,
      createdAt: now,
      updatedAt: now,
    };
    await sessions.createSession(session);
  }
  await sendControl(session.shard, { type: 'start', requestId: randomUUID(), sessionId: session.sessionId, method: input.method });

  const settled = await waitForSession(session.sessionId, config().SESSION_START_WAIT_MS, (current) => {
    if (!current || current.status === 'connected') return true;
    if (endedStatuses.includes(current.status) && current.updatedAt >= now) return true;
    return input.method === 'qr' ? (current.qrUpdatedAt ?? '') >= now : (current.pairingCodeUpdatedAt ?? '') >= now;
  });
  if (settled === 'timeout') throw new Timeout('The connector did not answer in time; poll GET /session/status or GET /session/qr-image');
  if (settled === 'gone') throw new NotFound(sessionNotFoundMessage);
  if (settled.status === 'connected') return { connected: true, session: settled };
  if (endedStatuses.includes(settled.status)) {
    throw new UpstreamFailed(`Could not start the session: ${settled.lastError ?? settled.status}`);
  }
  return { connected: false, session: settled, qr: settled.qr, pairingCode: settled.pairingCode };
}

/** The caller's session of this name; other tenants' sessions are never looked at. */
export async function ownedSession(caller: Caller, name: string): Promise<Session> {
  const session = await sessions.findSessionByName(caller.userId, name);
  if (!session) throw new NotFound(sessionNotFoundMessage);
  return session;
}

export async function listSessions(caller: Caller): Promise<Session[]> {
  return sessions.listSessionsOfUser(caller.userId);
}

/**
 * Unlinks the device and deletes the session. The connector logs out on WhatsApp and removes
 * everything; if it does not answer in time, the session and its auth state are removed here.
 */
export async function logoutSession(caller: Caller, name: string): Promise<void> {
  const session = await ownedSession(caller, name);
  await sendControl(session.shard, { type: 'logout', requestId: randomUUID(), sessionId: session.sessionId });
  const outcome = await waitForSession(session.sessionId, config().SESSION_LOGOUT_WAIT_MS, (current) => current === undefined);
  // The connector removed it (and failed what waited on it); if it did not answer, the same happens here.
  if (outcome === 'timeout') await removeSession(session, removalReasons.logout);
}

/** Whether the caller has a live or linking session for this number. */
export async function findActiveSessionByPhone(caller: Caller, phoneNumber: string): Promise<Session | undefined> {
  const session = await sessions.findSessionByPhone(caller.userId, phoneNumber);
  return session && !endedStatuses.includes(session.status) ? session : undefined;
}

export async function qrImage(caller: Caller, name: string): Promise<Buffer> {
  const session = await ownedSession(caller, name);
  if (session.status === 'connected') throw new InvalidInput('Session already connected');
  if (!session.qr) throw new InvalidInput('QR not available: start the session with POST /session/start');
  return qrPng(session.qr);
}

export function qrPng(qr: string): Promise<Buffer> {
  return QRCode.toBuffer(qr, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 300 });
}

export function qrDataUrl(qr: string): Promise<string> {
  return QRCode.toDataURL(qr, { errorCorrectionLevel: 'M', margin: 2, width: 300 });
}

/** Statuses that count as inactive for cleanup: not linked and not trying to be. */
const inactiveStatuses: readonly SessionStatus[] = [...endedStatuses, 'starting', 'qr'];

/** Deletes the caller's sessions that have been inactive for longer than `hours`. */
export async function cleanupInactiveSessions(caller: Caller, hours: number): Promise<number> {
  return removeInactiveSessions(await sessions.listSessionsOfUser(caller.userId), hours);
}

/** Deletes every user's sessions inactive for longer than `hours` (the scheduled cleanup job); sessions are listed shard by shard. */
export async function cleanupAllInactiveSessions(hours: number): Promise<number> {
  const shards = Array.from({ length: config().SHARD_COUNT }, (_, shard) => shard);
  const all = await Promise.all(shards.map((shard) => sessions.listSessionsOfShard(shard)));
  return removeInactiveSessions(all.flat(), hours);
}

async function removeInactiveSessions(candidates: readonly Session[], hours: number): Promise<number> {
  const cutoff = new Date(Date.now() - hours * 3_600_000).toISOString();
  const stale = candidates.filter((session) => inactiveStatuses.includes(session.status) && session.updatedAt < cutoff);
  for (const session of stale) {
    await sendControl(session.shard, { type: 'logout', requestId: randomUUID(), sessionId: session.sessionId, reason: 'cleanup' });
    await removeSession(session, removalReasons.cleanup);
  }
  return stale.length;
}

/** Polls the session until `done` holds (answering it, or 'gone' once deleted) or time runs out. */
async function waitForSession(
  sessionId: string,
  timeoutMs: number,
  done: (session: Session | undefined) => boolean,
): Promise<Session | 'gone' | 'timeout'> {
  const outcome = await pollUntil(() => sessions.getSession(sessionId), done, { timeoutMs, intervalMs: 200 });
  if (!outcome.done) return 'timeout';
  return outcome.value ?? 'gone';
}
