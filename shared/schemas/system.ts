import { z } from 'zod';

export const dependencyCheckSchema = z.object({
  status: z.enum(['ok', 'error']),
  latencyMs: z.number(),
  error: z.string().optional(),
});

export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  timestamp: z.iso.datetime(),
  uptime: z.number(),
  memory: z.object({
    rss: z.number(),
    heapTotal: z.number(),
    heapUsed: z.number(),
    external: z.number(),
  }),
  version: z.string(),
  checks: z.object({
    dynamodb: dependencyCheckSchema,
    sqs: dependencyCheckSchema,
    s3: dependencyCheckSchema,
  }),
});

export type Health = z.infer<typeof healthSchema>;
export type DependencyCheck = z.infer<typeof dependencyCheckSchema>;
