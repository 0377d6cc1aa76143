import { defineRoute, type Route, type RouteResponse } from './http/route.ts';
import { errorBodySchema } from './schemas/common.ts';
import { accountsResultSchema } from './schemas/sessions.ts';
import { healthSchema } from './schemas/system.ts';
import {
  adminUsersQuerySchema,
  adminUsersResultSchema,
  apiKeyResultSchema,
  authResultSchema,
  loginBodySchema,
  meResultSchema,
  profileResultSchema,
  refreshBodySchema,
  refreshResultSchema,
  registerBodySchema,
  updatedProfileResultSchema,
  updateProfileBodySchema,
} from './schemas/users.ts';

const errorDescriptions: Record<number, string> = {
  400: 'Invalid input',
  401: 'Missing or invalid credentials',
  403: 'Insufficient permissions',
  404: 'Not found',
  409: 'Conflicting concurrent change',
  413: 'Request body too large',
  429: 'Rate limit exceeded (see Retry-After)',
  500: 'Server error',
};

/** The error answers a route can give, all in the `{ success: false, error }` shape. */
function errors(...statuses: number[]): Record<number, RouteResponse> {
  return Object.fromEntries(statuses.map((status) => [status, { description: errorDescriptions[status] ?? 'Error', schema: errorBodySchema }]));
}

/**
 * Every route of the public API, in one table. The CDK app builds API Gateway from it, the local
 * server serves it, and the OpenAPI document is generated from it.
 */
export const routes = {
  health: defineRoute({
    method: 'GET',
    path: '/health',
    auth: 'none',
    handler: 'system/health',
    summary: 'Check system health',
    description: 'Process figures and whether DynamoDB, SQS and S3 answer. 503 with status "degraded" when one does not.',
    tag: 'System',
    responses: {
      200: { description: 'System is healthy', schema: healthSchema },
      503: { description: 'A dependency does not answer', schema: healthSchema },
      ...errors(500),
    },
  }),

  register: defineRoute({
    method: 'POST',
    path: '/auth/register',
    auth: 'none',
    handler: 'auth/register',
    summary: 'Register a new user account',
    description: 'Creates a user with an API key and signs them in. `role: "admin"` needs an admin\'s bearer token (403 otherwise).',
    tag: 'Authentication',
    body: registerBodySchema,
    responses: { 200: { description: 'Registered', schema: authResultSchema }, ...errors(400, 403, 413, 500) },
  }),
  login: defineRoute({
    method: 'POST',
    path: '/auth/login',
    auth: 'none',
    handler: 'auth/login',
    summary: 'Authenticate and get a JWT',
    description: 'After 5 failed attempts for an email within 15 minutes, further attempts get 429 with Retry-After.',
    tag: 'Authentication',
    body: loginBodySchema,
    responses: { 200: { description: 'Signed in', schema: authResultSchema }, ...errors(400, 401, 429, 500) },
  }),
  refresh: defineRoute({
    method: 'POST',
    path: '/auth/refresh',
    auth: 'none',
    handler: 'auth/refresh',
    summary: 'Exchange a refresh token for a new JWT',
    description: 'Refresh tokens rotate: each is good once. Presenting a spent one signs out its whole login.',
    tag: 'Authentication',
    body: refreshBodySchema,
    responses: { 200: { description: 'New tokens', schema: refreshResultSchema }, ...errors(400, 401, 500) },
  }),
  me: defineRoute({
    method: 'GET',
    path: '/auth/me',
    auth: 'jwt',
    handler: 'auth/me',
    summary: 'Get the current user',
    tag: 'Authentication',
    responses: { 200: { description: 'The current user', schema: meResultSchema }, ...errors(401, 500) },
  }),
  regenerateApiKey: defineRoute({
    method: 'POST',
    path: '/auth/regenerate-api-key',
    auth: 'jwt',
    handler: 'auth/regenerate-api-key',
    summary: 'Generate a new API key',
    description: 'The old key stops working at once.',
    tag: 'Authentication',
    responses: { 200: { description: 'The new key', schema: apiKeyResultSchema }, ...errors(401, 409, 500) },
  }),

  getProfile: defineRoute({
    method: 'GET',
    path: '/user/profile',
    auth: 'jwt',
    handler: 'user/get-profile',
    summary: 'Get the current user profile',
    tag: 'User Management',
    responses: { 200: { description: 'The profile', schema: profileResultSchema }, ...errors(401, 500) },
  }),
  updateProfile: defineRoute({
    method: 'PUT',
    path: '/user/profile',
    auth: 'jwt',
    handler: 'user/update-profile',
    summary: 'Update the current user profile',
    description: 'Changes email and/or password. A new password revokes every token issued before it: sign in again.',
    tag: 'User Management',
    body: updateProfileBodySchema,
    responses: { 200: { description: 'The updated profile', schema: updatedProfileResultSchema }, ...errors(400, 401, 409, 413, 500) },
  }),
  accounts: defineRoute({
    method: 'GET',
    path: '/user/accounts',
    auth: 'jwt',
    handler: 'user/accounts',
    summary: 'Get the WhatsApp accounts of the current user',
    tag: 'User Management',
    responses: { 200: { description: 'The linked accounts', schema: accountsResultSchema }, ...errors(401, 500) },
  }),
  adminUsers: defineRoute({
    method: 'GET',
    path: '/user/admin/users',
    auth: 'admin',
    handler: 'user/admin-users',
    summary: 'List all users (admin only)',
    description: 'Paginated in id order: pass `nextCursor` back as `cursor`.',
    tag: 'User Management',
    query: adminUsersQuerySchema,
    responses: { 200: { description: 'A page of users', schema: adminUsersResultSchema }, ...errors(400, 401, 403, 500) },
  }),
} satisfies Record<string, Route>;

export type RouteName = keyof typeof routes;

export const routeList: readonly Route[] = Object.values(routes);
