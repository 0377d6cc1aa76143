import { z } from 'zod';

export const sessionStatusSchema = z.enum(['starting', 'qr', 'connected', 'reconnecting', 'logged_out', 'failed', 'stopped']);

/** A linked (or linking) WhatsApp number, as `/session/list` and `/user/accounts` show it. */
export const sessionSchema = z.object({
  sessionId: z.string(),
  phoneNumber: z.string(),
  status: sessionStatusSchema,
  userId: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export type SessionView = z.infer<typeof sessionSchema>;

export const accountsResultSchema = z.object({ success: z.literal(true), data: z.array(sessionSchema) });
