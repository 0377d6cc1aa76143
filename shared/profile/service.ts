import { randomUUID } from 'node:crypto';
import type { Caller } from '../auth/authenticate.ts';
import { config } from '../config.ts';
import { InvalidInput, Timeout } from '../errors.ts';
import { senderSession } from '../messages/service.ts';
import { sendControl } from '../queues/control.ts';
import { contactProfileSchema, type ContactProfile } from '../schemas/profile.ts';
import { phoneDigits } from '../sessions/phone.ts';
import { contactName } from './contact-names.ts';
import { waitForRpcResult } from './rpc-results.ts';

export const notRegisteredMessage = 'target not registered';

/**
 * Looks a contact up through the session's live socket (on WhatsApp? about, picture). Its name is
 * the push name the session learned from the contact's messages: WhatsApp shares it no other way.
 */
export async function lookupProfile(caller: Caller, name: string, target: string): Promise<ContactProfile> {
  const session = await senderSession(caller, name, { allowEnded: true });
  if (session.status !== 'connected') throw new InvalidInput(`Session is ${session.status.replace('_', ' ')}, not connected`);
  const requestId = randomUUID();
  const jid = `${target.replace(/^\+/, '').replace(/@s\.whatsapp\.net$/, '')}@s.whatsapp.net`;
  await sendControl(session.shard, { type: 'profile', requestId, sessionId: session.sessionId, jid });
  const outcome = await waitForRpcResult(requestId, config().PROFILE_WAIT_MS, contactProfileSchema);
  if (!outcome) throw new Timeout('The connector did not answer the lookup in time; try again');
  if (!outcome.ok) throw new InvalidInput(outcome.error);
  return { ...outcome.value, name: (await contactName(session.sessionId, phoneDigits(outcome.value.phoneNumber))) ?? null };
}
