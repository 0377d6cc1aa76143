import { z } from 'zod';
import { sessionIdSchema } from './sessions.ts';

export const profileBodySchema = z.object({
  session: sessionIdSchema,
  /** A number (digits, `+` allowed) or a `…@s.whatsapp.net` JID. */
  target: z
    .string()
    .trim()
    .regex(/^\+?[1-9]\d{6,14}(@s\.whatsapp\.net)?$/, { error: 'must be a number in international format or a …@s.whatsapp.net JID' }),
});

export const contactProfileSchema = z.object({
  /** WhatsApp shares a contact's name only with its messages: null until known. */
  name: z.string().nullable(),
  /** The about text; null when hidden or never set. */
  about: z.string().nullable(),
  /** A temporary URL of the profile picture; null when hidden or absent. */
  profilePicUrl: z.string().nullable(),
  phoneNumber: z.string(),
});

export type ContactProfile = z.infer<typeof contactProfileSchema>;

export const contactProfileResultSchema = z.object({ data: contactProfileSchema });
