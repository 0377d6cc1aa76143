import { z } from 'zod';
import { configSchema, type Config } from '../config.ts';
import type { RouteResponse } from '../http/route.ts';
import { errorBodySchema } from '../schemas/common.ts';

/** Every answer carries it, API Gateway's own answers too. */
export const requestIdHeaders = z.object({
  'x-request-id': z.string().meta({ description: "The request's id: quote it when reporting a problem." }),
});

const retryAfterHeaders = z.object({
  'Retry-After': z.int().min(1).optional().meta({
    description:
      "Whole seconds until the full limit lets the same request through. API Gateway's own throttling (cloud) answers 429 without it.",
  }),
});

const errorDescriptions: Record<number, string> = {
  400: 'Invalid input',
  401: 'Missing or invalid credentials',
  403: 'Insufficient permissions',
  404: 'Not found',
  409: 'Conflicting concurrent change',
  413: 'Request body too large',
  429: 'A limit of this route is full (see Retry-After)',
  500: 'Server error',
  503: 'Too busy for now; try again',
  504: 'The connector did not answer in time',
};

/** The error answers a route can give, all in the `{ success: false, error }` shape. */
export function errors(...statuses: number[]): Record<number, RouteResponse> {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: errorDescriptions[status] ?? 'Error',
        schema: errorBodySchema,
        ...(status === 429 ? { headers: retryAfterHeaders } : {}),
      },
    ]),
  );
}

/** API Gateway's stage throttling (cloud) may answer any route so, before its handler runs. */
export const throttled: RouteResponse = {
  description: "Too many requests to the API as a whole (API Gateway's throttling)",
  schema: errorBodySchema,
};

/** A setting's value when unset: a limit that config can change is described by its default, naming the setting. */
export function defaultSetting<Name extends keyof Config>(name: Name): Config[Name] {
  return configSchema.shape[name].parse(undefined) as Config[Name];
}
