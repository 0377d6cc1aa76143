import { z } from 'zod';

/** Every error answer; the id makes it one shared schema in the OpenAPI document. */
export const errorBodySchema = z
  .object({
    success: z.literal(false),
    error: z.string(),
  })
  .meta({ id: 'ErrorBody' });
