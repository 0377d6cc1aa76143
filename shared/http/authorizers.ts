import type { ResourceAccess } from '../resources.ts';
import type { AuthKind } from './route.ts';

/**
 * The two Lambda REQUEST authorizers. API Gateway (cloud) and the local server both run them; each
 * reads only its own header, so an API key is never taken for a JWT nor a JWT for an API key.
 */
export const authorizers = {
  jwt: { handler: 'auth/jwt-authorizer', identityHeader: 'Authorization', access: ['table:read', 'secrets:read'] },
  apiKey: { handler: 'auth/api-key-authorizer', identityHeader: 'x-api-key', access: ['table:read', 'secrets:read'] },
} as const satisfies Record<string, { handler: string; identityHeader: string; access: readonly ResourceAccess[] }>;

export type AuthorizerName = keyof typeof authorizers;

/** The authorizer guarding a route; admin routes use the JWT authorizer and check the role in the handler. */
export function authorizerFor(auth: AuthKind): AuthorizerName | undefined {
  if (auth === 'none') return undefined;
  return auth === 'apiKey' ? 'apiKey' : 'jwt';
}

/** Seconds API Gateway caches an authorizer's answer per identity header value. */
export const authorizerCacheSeconds = 60;

/** API Gateway answers 401 when an authorizer fails with exactly this message. */
export const unauthorizedSignal = 'Unauthorized';
