/**
 * A linked companion logging in: checks it is the device that paired (same noise key), replaces an
 * older connection of the same account (440), opens the stream and delivers what waited offline.
 */
import type { BinaryNode, proto } from '@whiskeysockets/baileys';
import type { Session, SimContext } from '../context.ts';
import { lidJid } from '../jids.ts';
import { childrenOf, iqResult, unixTime } from '../nodes.ts';
import type { WaConnection } from '../wa-connection.ts';

export const beginSession = (
  context: SimContext,
  connection: WaConnection,
  noiseKey: Uint8Array,
  payload: proto.ClientPayload,
): Session | undefined => {
  const account = context.state.accounts.get(String(payload.username ?? ''));
  const companion = account?.companion;
  const isPairedDevice = companion && companion.deviceId === (payload.device ?? 0) && Buffer.from(companion.noiseKey).equals(noiseKey);
  if (!account || !companion || !isPairedDevice) {
    connection.end({ tag: 'failure', attrs: { reason: '401', location: 'sim' } });
    return undefined;
  }
  context.sessions.get(account.phone)?.connection.streamError({}, { tag: 'conflict', attrs: { type: 'replaced' } });
  const session: Session = { account, connection };
  context.sessions.set(account.phone, session);
  connection.onClose(() => {
    if (context.sessions.get(account.phone) !== session) return;
    context.sessions.delete(account.phone);
    context.events.emit('logged-out', account);
  });
  connection.send({
    tag: 'success',
    attrs: { t: unixTime(), lid: lidJid(account.lidUser, companion.deviceId), location: 'sim', props: '0' },
  });
  // What waited is marked `offline`, as WhatsApp does: Baileys handles it in order on its offline
  // queue and upserts its messages as 'append' rather than 'notify'.
  const waiting = account.outbox.splice(0);
  for (const pending of waiting) connection.send({ ...pending, attrs: { ...pending.attrs, offline: '1' } });
  // Without this the client keeps its events buffered for ~30 s.
  connection.send({ tag: 'ib', attrs: {}, content: [{ tag: 'offline', attrs: { count: waiting.length.toString() } }] });
  context.events.emit('logged-in', account);
  return session;
};

/** `xmlns="md"` once logged in: the client unlinking itself (logout). */
export const handleDeviceIq = (_context: SimContext, session: Session, request: BinaryNode): BinaryNode => {
  const [child] = childrenOf(request);
  if (child?.tag === 'remove-companion-device') session.account.companion = undefined;
  return iqResult(request);
};
