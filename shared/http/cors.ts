import { config } from '../config.ts';

/** Request headers browsers may send cross-origin; the cloud API's preflight answers the same list. */
export const corsAllowedHeaders = ['Content-Type', 'Authorization', 'x-api-key', 'Idempotency-Key'];
/** Response headers browsers may read cross-origin: every header the OpenAPI document declares (a test checks). */
export const corsExposedHeaders = ['Retry-After', 'x-request-id', 'Deprecation', 'Sunset', 'Link', 'Location'];
export const corsMaxAgeSeconds = 600;

/** The configured origins; `*` alone allows any origin (no credentials are ever sent by cookie). */
export function corsOrigins(): string[] {
  return config().CORS_ORIGINS;
}
