import { z } from 'zod';

export const errorBodySchema = z.object({
  success: z.literal(false),
  error: z.string(),
});
