import { api } from '../../api/client.ts';
import { dataOf } from '../../api/errors.ts';

export type LinkAnswer = ({ qr: string } | { pairingCode: string } | { connected: true }) & {
  /** The server's time just before the request arrived, by its Date header: this linking's events are newer. */
  readonly since: string;
};

/** Starts linking a number: the QR (or pairing code) to link with, or that it is already connected. */
export async function startLinking(session: string, phoneNumber: string, method: 'qr' | 'code'): Promise<LinkAnswer> {
  const sentAt = Date.now();
  const result = await api.POST('/session/start', { body: { session, phoneNumber, method } });
  const answer = dataOf(result);
  const serverNow = Date.parse(result.response.headers.get('date') ?? '') || Date.now();
  // The Date header has whole seconds: a second more of margin.
  const since = new Date(serverNow - (Date.now() - sentAt) - 1_000).toISOString();
  if ('qr' in answer) return { qr: answer.qr, since };
  if ('pairingCode' in answer) return { pairingCode: answer.pairingCode, since };
  return { connected: true, since };
}

export async function sessionStatus(session: string) {
  return dataOf(await api.GET('/session/status', { params: { query: { session } } })).data;
}

/**
 * The newest QR of this linking, from the session's `session.status` events since it started: only
 * `/session/start` answers the QR string itself, and calling it again would restart the linking.
 */
export async function latestQr(session: string, since: string): Promise<string | undefined> {
  let qr: string | undefined;
  let cursor: string | undefined;
  do {
    const query = { session, type: 'session.status' as const, since, limit: 100, ...(cursor ? { cursor } : {}) };
    const page = dataOf(await api.GET('/events', { params: { query } }));
    for (const event of page.data) if (typeof event.data.qr === 'string') qr = event.data.qr;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return qr;
}

export async function logoutSession(session: string): Promise<void> {
  dataOf(await api.POST('/session/logout', { body: { session } }));
}

export async function listSessions() {
  return dataOf(await api.GET('/session/list')).data;
}
