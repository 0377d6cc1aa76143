import { z } from 'zod';
import { passwordMaxBytes, passwordMinLength } from '../auth/passwords.ts';

export const roleSchema = z.enum(['user', 'admin']);

/** Emails are compared trimmed and lower-cased. */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ error: 'must be a valid email address' }));

export const passwordSchema = z
  .string()
  .min(passwordMinLength, { error: `must be at least ${passwordMinLength} characters` })
  .refine((password) => Buffer.byteLength(password, 'utf8') <= passwordMaxBytes, {
    error: `must be at most ${passwordMaxBytes} bytes`,
  });

export const registerBodySchema = z.object({
  email: emailSchema,
  password: passwordSchema,
  role: roleSchema.default('user'),
});

// Any stored password satisfies the sign-up rules; a presented one only needs a cap, so a long guess costs no bcrypt time.
const presentedPasswordSchema = z
  .string({ error: (issue) => (issue.input === undefined ? 'is required' : undefined) })
  .min(1)
  .max(1024);

export const loginBodySchema = z.object({ email: emailSchema, password: presentedPasswordSchema });

export const refreshBodySchema = z.object({ refreshToken: z.string().min(1).max(512) });

/**
 * Only email and password can change, each only with the current password; anything else (role, id,
 * apiKey, timestamps) is refused.
 */
export const updateProfileBodySchema = z
  .strictObject(
    {
      currentPassword: presentedPasswordSchema.meta({ description: 'Required to change email or password' }),
      email: emailSchema.optional(),
      password: passwordSchema.optional(),
    },
    { error: (issue) => (issue.code === 'unrecognized_keys' ? `cannot be changed: ${issue.keys.join(', ')}` : undefined) },
  )
  .refine((body) => body.email !== undefined || body.password !== undefined, { error: 'give email or password to change' });

export const adminUsersQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().min(1).max(2048).optional(),
});

const userFields = {
  id: z.number().int().positive(),
  email: z.string(),
  role: roleSchema,
  apiKey: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
};

/** `/auth/me`, and the user inside register and login answers. */
export const meSchema = z.object({
  id: userFields.id,
  email: userFields.email,
  role: userFields.role,
  apiKey: userFields.apiKey,
  createdAt: userFields.createdAt,
});
export const profileSchema = z.object(userFields);
export const updatedProfileSchema = z.object({
  id: userFields.id,
  email: userFields.email,
  role: userFields.role,
  apiKey: userFields.apiKey,
  updatedAt: userFields.updatedAt,
});
export const listedUserSchema = z.object({
  id: userFields.id,
  email: userFields.email,
  role: userFields.role,
  createdAt: userFields.createdAt,
  updatedAt: userFields.updatedAt,
});

export const authResultSchema = z.object({
  success: z.literal(true),
  data: z.object({
    user: meSchema,
    token: z.string(),
    /** Not in the seed: a rotating refresh token for `POST /auth/refresh`. */
    refreshToken: z.string(),
  }),
});
export const meResultSchema = z.object({ success: z.literal(true), data: meSchema });
export const profileResultSchema = z.object({ success: z.literal(true), data: profileSchema });
export const updatedProfileResultSchema = z.object({ success: z.literal(true), data: updatedProfileSchema });
export const apiKeyResultSchema = z.object({ success: z.literal(true), data: z.object({ apiKey: z.string() }) });
export const refreshResultSchema = z.object({ success: z.literal(true), data: z.object({ token: z.string(), refreshToken: z.string() }) });
export const adminUsersResultSchema = z.object({
  success: z.literal(true),
  data: z.array(listedUserSchema),
  /** Pass it back as `cursor` for the next page; null at the end, as every listing answers. */
  nextCursor: z.string().nullable(),
});
