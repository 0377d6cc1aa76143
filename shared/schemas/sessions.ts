import { z } from 'zod';
import { phoneNumberSchema } from '../sessions/phone.ts';

export const sessionStatusSchema = z.enum(['starting', 'qr', 'connected', 'reconnecting', 'logged_out', 'failed', 'stopped']);
export type SessionStatus = z.infer<typeof sessionStatusSchema>;

/** A session's name (the API's `sessionId`): chosen by its tenant (often the phone's digits), unique among that tenant's sessions only. */
export const sessionIdSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{1,64}$/, { error: 'must be 1-64 letters, digits, dots, dashes or underscores' });

export const linkMethodSchema = z.enum(['qr', 'code']);

/** A linked (or linking) WhatsApp number, as `/session/list` and `/user/accounts` show it. */
export const sessionSchema = z.object({
  sessionId: z.string(),
  phoneNumber: z.string(),
  status: sessionStatusSchema,
  userId: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  lastError: z.string().optional().meta({ description: 'Why the session is `failed`, `stopped` or `logged_out`, when known.' }),
});

export type SessionView = z.infer<typeof sessionSchema>;

export const accountsResultSchema = z.object({ success: z.literal(true), data: z.array(sessionSchema) });

export const startSessionBodySchema = z.object({
  session: sessionIdSchema,
  phoneNumber: phoneNumberSchema,
  /** Not in the seed: `code` links with an 8-character pairing code typed on the phone instead of a QR. */
  method: linkMethodSchema.default('qr'),
});

export const startSessionResultSchema = z.union([
  z.object({ qr: z.string() }),
  z.object({ pairingCode: z.string() }),
  z.object({ data: z.object({ message: z.literal('Connected') }) }),
]);

export const createSessionResultSchema = z.object({
  success: z.literal(true),
  data: sessionSchema.extend({
    /** The QR as a PNG data URL, ready for an `<img src>`; null once connected. */
    qr: z.string().nullable(),
    /** The pairing code when `method` was `code`. */
    pairingCode: z.string().nullable(),
  }),
});

export const sessionQuerySchema = z.object({ session: sessionIdSchema });
export const optionalSessionQuerySchema = z.object({ session: sessionIdSchema.optional() });
export const logoutBodySchema = z.object({ session: sessionIdSchema }).optional();

export const sessionListResultSchema = z.object({ data: z.array(sessionSchema) });

export const sessionStatusResultSchema = z.object({
  data: z.object({
    sessionId: z.string(),
    phoneNumber: z.string(),
    status: sessionStatusSchema,
    isConnected: z.boolean(),
    lastUpdated: z.iso.datetime(),
    createdAt: z.iso.datetime(),
    /** Why the session is `failed`, `stopped` or `logged_out`, when known. */
    lastError: z.string().optional(),
  }),
});

export const logoutResultSchema = z.object({ data: z.literal('success') });

export const checkPhoneBodySchema = z.object({ phoneNumber: phoneNumberSchema });
export const checkPhoneResultSchema = z.union([
  z.object({ hasActiveSession: z.literal(false) }),
  z.object({
    hasActiveSession: z.literal(true),
    session: z.object({ sessionId: z.string(), phoneNumber: z.string(), status: sessionStatusSchema }),
  }),
]);

export const cleanupQuerySchema = z.object({
  hours: z.coerce
    .number()
    .positive()
    .max(24 * 365)
    .default(24),
});
export const cleanupResultSchema = z.object({ data: z.object({ message: z.string(), cleanedCount: z.number().int() }) });
