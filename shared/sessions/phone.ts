import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { z } from 'zod';

/** A phone number in E.164 (`+62812345678`), checked against the full numbering metadata. */
export const phoneNumberSchema = z
  .string()
  .trim()
  .transform((value, context) => {
    const parsed = value.startsWith('+') ? parsePhoneNumberFromString(value) : undefined;
    if (!parsed?.isValid()) {
      context.addIssue({ code: 'custom', message: 'must be a valid phone number in international format, like +62812345678' });
      return z.NEVER;
    }
    return parsed.number;
  });

/** The WhatsApp user part of a number: its digits without `+`. */
export const phoneDigits = (phoneNumber: string) => phoneNumber.replace(/^\+/, '');
