import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** A fresh, valid Indonesian mobile number in E.164, random enough that no other test uses it. */
export function uniquePhone(): string {
  for (;;) {
    const candidate = `+62812${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    if (parsePhoneNumberFromString(candidate)?.isValid()) return candidate;
  }
}

/** The digits of an E.164 number, as session ids and the simulator use them. */
export const digits = (phone: string) => phone.replace(/^\+/, '');
