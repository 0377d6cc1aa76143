/** How the simulator spells WhatsApp addresses: phone numbers (PN), LIDs, devices and groups. */
import { jidDecode, jidEncode, S_WHATSAPP_NET } from '@whiskeysockets/baileys';

export const SERVER_JID = S_WHATSAPP_NET;

export const pnJid = (phone: string, device?: number): string => jidEncode(phone, 's.whatsapp.net', device);
export const lidJid = (lidUser: string, device?: number): string => jidEncode(lidUser, 'lid', device);
export const groupJid = (groupId: string): string => jidEncode(groupId, 'g.us');

/** The user part of any user jid ("+1 555…" phone numbers are normalised to digits). */
export const userOf = (jid: string): string => jidDecode(jid)?.user ?? jid.replace(/\D/g, '');
export const isGroupJid = (jid: string): boolean => jid.endsWith('@g.us');

export const normalizePhone = (phone: string): string => phone.replace(/\D/g, '');
