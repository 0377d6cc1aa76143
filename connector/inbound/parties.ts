import { isLidUser, isPnUser, jidDecode, jidNormalizedUser } from '@whiskeysockets/baileys';
import type { StoredMessage } from '../../shared/messages/message.ts';
import type { Address } from './parse.ts';

/** The phone number (`…@s.whatsapp.net`) Baileys' LID mapping knows for a LID, if any. */
export type PhoneOfLid = (lid: string) => Promise<string | undefined>;

/** A WhatsApp user or group: the address WhatsApp named it by, its number (E.164 with +) where known, its LID where used. */
export interface Party {
  jid: string;
  phone?: string;
  lid?: string;
}

/** An address without its device part (`…:3@s.whatsapp.net`). */
const userOf = (jid: string): string => jidNormalizedUser(jid) || jid;

/**
 * Who an address is: its phone number from the address itself, from the other form WhatsApp gave
 * beside it, or else from Baileys' LID mapping.
 */
export async function partyOf(address: Address, phoneOfLid: PhoneOfLid): Promise<Party> {
  const forms = [address.jid, address.alt].filter((jid): jid is string => !!jid).map(userOf);
  const lid = forms.find(isLidUser);
  const phoneJid = forms.find(isPnUser) ?? (lid ? await phoneOfLid(lid) : undefined);
  const user = phoneJid && jidDecode(phoneJid)?.user;
  return { jid: forms[0]!, ...(user ? { phone: `+${user}` } : {}), ...(lid ? { lid } : {}) };
}

const phoneJidOf = (phone: string | undefined) => phone && `${phone.slice(1)}@s.whatsapp.net`;

/** Every address a party goes by. */
const addressesOf = ({ jid, phone, lid }: Party): string[] =>
  [jid, lid, phoneJidOf(phone)].filter((address): address is string => !!address);

/** Whether `party` wrote `message`; the account's own messages (undefined party) are written by the account. */
export function wrote(party: Party | undefined, message: StoredMessage): boolean {
  if (message.origin !== 'contact') return party === undefined;
  const author = [message.fromJid, message.fromLid, phoneJidOf(message.from)];
  return !!party && addressesOf(party).some((address) => author.includes(address));
}

/** Whether `chat` is the chat `message` is in, however either names it: a contact's chat is that contact's every address. */
export function isChatOf(chat: Party, message: StoredMessage): boolean {
  const contact = message.origin === 'contact' && !message.isGroup ? [message.fromJid, message.fromLid, phoneJidOf(message.from)] : [];
  return addressesOf(chat).some((address) => [message.jid, ...contact].includes(address));
}
