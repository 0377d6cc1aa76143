import type { WASocket } from '@whiskeysockets/baileys';
import { notRegisteredMessage } from '../../shared/profile/service.ts';
import type { RpcOutcome } from '../../shared/profile/rpc-results.ts';
import type { ContactProfile } from '../../shared/schemas/profile.ts';

/**
 * A contact's public profile through a live socket. A hidden about text or picture is null, not an
 * error: WhatsApp answers those with 401/404, which say only that we may not see it.
 */
export async function lookUpContact(socket: WASocket, jid: string): Promise<RpcOutcome<ContactProfile>> {
  const [registered] = (await socket.onWhatsApp(jid)) ?? [];
  if (!registered?.exists) return { ok: false, error: notRegisteredMessage };
  const [status] = (await socket.fetchStatus(registered.jid)) ?? [];
  const about = (status as { status?: { status?: string | null } } | undefined)?.status?.status || null;
  const profilePicUrl = (await socket.profilePictureUrl(registered.jid, 'image').catch(() => undefined)) ?? null;
  // WhatsApp tells a name only with a contact's messages: the API answers the push name the session stored.
  return { ok: true, value: { name: null, about, profilePicUrl, phoneNumber: `+${registered.jid.split('@')[0]}` } };
}
