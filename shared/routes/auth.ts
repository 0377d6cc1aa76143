import { passwordAttemptLimit, passwordAttemptWindowSeconds } from '../auth/password-attempts.ts';
import { defineRoute, type RouteTag } from '../http/route.ts';
import {
  apiKeyResultSchema,
  authResultSchema,
  loginBodySchema,
  meResultSchema,
  refreshBodySchema,
  refreshResultSchema,
  registerBodySchema,
} from '../schemas/users.ts';
import { errors } from './responses.ts';

export const authTag: RouteTag = {
  name: 'Authentication',
  description:
    'Accounts and their credentials: a bearer token (JWT) for /auth and /user, an API key (`x-api-key`) for sessions, messages and profiles.',
};

export const authRoutes = {
  register: defineRoute({
    method: 'POST',
    path: '/auth/register',
    auth: 'none',
    handler: 'auth/register',
    access: ['table:readWrite', 'secrets:read'],
    summary: 'Register a new user account',
    description: 'Creates a user with an API key and signs them in. `role: "admin"` needs an admin\'s bearer token (403 otherwise).',
    tag: authTag.name,
    body: registerBodySchema,
    responses: { 200: { description: 'Registered', schema: authResultSchema }, ...errors(400, 403, 413, 500) },
  }),
  login: defineRoute({
    method: 'POST',
    path: '/auth/login',
    auth: 'none',
    handler: 'auth/login',
    access: ['table:readWrite', 'secrets:read'],
    summary: 'Authenticate and get a JWT',
    description: `An email gets ${passwordAttemptLimit} password attempts within ${passwordAttemptWindowSeconds / 60} minutes (current passwords on PUT /user/profile count too), each counted before the password is checked, parallel ones included; further attempts get 429 with Retry-After. A successful login clears the count.`,
    tag: authTag.name,
    body: loginBodySchema,
    responses: { 200: { description: 'Signed in', schema: authResultSchema }, ...errors(400, 401, 429, 500, 503) },
  }),
  refresh: defineRoute({
    method: 'POST',
    path: '/auth/refresh',
    auth: 'none',
    handler: 'auth/refresh',
    access: ['table:readWrite', 'secrets:read'],
    summary: 'Exchange a refresh token for a new JWT',
    description: 'Refresh tokens rotate: each is good once. Presenting a spent one signs out its whole login.',
    tag: authTag.name,
    body: refreshBodySchema,
    responses: { 200: { description: 'New tokens', schema: refreshResultSchema }, ...errors(400, 401, 500) },
  }),
  me: defineRoute({
    method: 'GET',
    path: '/auth/me',
    auth: 'jwt',
    handler: 'auth/me',
    access: ['table:read', 'secrets:read'],
    summary: 'Get the current user',
    tag: authTag.name,
    responses: { 200: { description: 'The current user', schema: meResultSchema }, ...errors(401, 500) },
  }),
  regenerateApiKey: defineRoute({
    method: 'POST',
    path: '/auth/regenerate-api-key',
    auth: 'jwt',
    handler: 'auth/regenerate-api-key',
    access: ['table:readWrite', 'secrets:read'],
    summary: 'Generate a new API key',
    description: 'The old key stops working at once.',
    tag: authTag.name,
    responses: { 200: { description: 'The new key', schema: apiKeyResultSchema }, ...errors(401, 409, 500) },
  }),
};
