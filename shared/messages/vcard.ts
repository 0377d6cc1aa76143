import type { proto } from '@whiskeysockets/baileys';

/** A contact as a message shares it: a name and a number (E.164, with or without +). */
export interface SharedContact {
  name: string;
  phone: string;
}

/**
 * A vCard 3.0 value escaped as RFC 2426 §4 asks: backslash, comma and semicolon take a backslash,
 * a line break becomes `\n`, so a name cannot end its line and smuggle in properties of its own.
 */
export function escapeVCardText(value: string): string {
  return value.replace(/[\\,;]/g, (character) => `\\${character}`).replace(/\r\n|[\r\n]/g, '\\n');
}

/**
 * The vCard WhatsApp phones write for a contact: `FN` the name shown, and `TEL` with `waid` (the
 * number's digits) which makes the card offer "Message" rather than "Invite". Lines end with LF
 * as WhatsApp's own cards do.
 */
export function vCardOf({ name, phone }: SharedContact): string {
  const digits = phone.replace(/^\+/, '');
  const escaped = escapeVCardText(name);
  return [
    'BEGIN:VCARD',
    'VERSION:3.0',
    `N:;${escaped};;;`,
    `FN:${escaped}`,
    `TEL;type=CELL;type=VOICE;waid=${digits}:+${digits}`,
    'END:VCARD',
  ].join('\n');
}

/** Baileys' `contacts` content: one card makes a contactMessage, several a contactsArrayMessage. */
export function contactsContent(contacts: SharedContact[]): { displayName: string; contacts: proto.Message.IContactMessage[] } {
  const cards = contacts.map((contact) => ({ displayName: contact.name, vcard: vCardOf(contact) }));
  return { displayName: cards.length === 1 ? cards[0]!.displayName : `${cards.length} contacts`, contacts: cards };
}
