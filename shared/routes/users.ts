import { defineRoute, type RouteTag } from '../http/route.ts';
import { accountsResultSchema } from '../schemas/sessions.ts';
import {
  adminUsersQuerySchema,
  adminUsersResultSchema,
  profileResultSchema,
  updatedProfileResultSchema,
  updateProfileBodySchema,
} from '../schemas/users.ts';
import { errors } from './responses.ts';

export const usersTag: RouteTag = {
  name: 'User Management',
  description: "The signed-in user's profile and WhatsApp accounts; every user, for admins.",
};

export const userRoutes = {
  getProfile: defineRoute({
    method: 'GET',
    path: '/user/profile',
    auth: 'jwt',
    handler: 'user/get-profile',
    access: ['table:read', 'secrets:read'],
    summary: 'Get the current user profile',
    tag: usersTag.name,
    responses: { 200: { description: 'The profile', schema: profileResultSchema }, ...errors(401, 500) },
  }),
  updateProfile: defineRoute({
    method: 'PUT',
    path: '/user/profile',
    auth: 'jwt',
    handler: 'user/update-profile',
    access: ['table:readWrite', 'secrets:read'],
    summary: 'Update the current user profile',
    description:
      'Changes email and/or password; either needs `currentPassword` (403 when it is wrong). Wrong current passwords count against the same per-email limit as logins (429 with Retry-After once used up). A new password revokes every token issued before it: sign in again.',
    tag: usersTag.name,
    body: updateProfileBodySchema,
    responses: {
      200: { description: 'The updated profile', schema: updatedProfileResultSchema },
      ...errors(400, 401, 403, 409, 413, 429, 500, 503),
    },
  }),
  accounts: defineRoute({
    method: 'GET',
    path: '/user/accounts',
    auth: 'jwt',
    handler: 'user/accounts',
    access: ['table:read'],
    summary: 'Get the WhatsApp accounts of the current user',
    tag: usersTag.name,
    responses: { 200: { description: 'The linked accounts', schema: accountsResultSchema }, ...errors(401, 500) },
  }),
  adminUsers: defineRoute({
    method: 'GET',
    path: '/user/admin/users',
    auth: 'admin',
    handler: 'user/admin-users',
    access: ['table:read', 'secrets:read'],
    summary: 'List all users (admin only)',
    description: 'Paginated in id order: pass `nextCursor` back as `cursor`.',
    tag: usersTag.name,
    query: adminUsersQuerySchema,
    responses: { 200: { description: 'A page of users', schema: adminUsersResultSchema }, ...errors(400, 401, 403, 500) },
  }),
};
