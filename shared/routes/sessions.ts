import { defineRoute, type RouteResponse, type RouteTag } from '../http/route.ts';
import { errorBodySchema } from '../schemas/common.ts';
import {
  checkPhoneBodySchema,
  checkPhoneResultSchema,
  cleanupQuerySchema,
  cleanupResultSchema,
  createSessionResultSchema,
  logoutBodySchema,
  logoutResultSchema,
  optionalSessionQuerySchema,
  sessionListResultSchema,
  sessionQuerySchema,
  sessionStatusResultSchema,
  startSessionBodySchema,
  startSessionResultSchema,
} from '../schemas/sessions.ts';
import { defaultSetting, errors } from './responses.ts';

export const sessionsTag: RouteTag = {
  name: 'WhatsApp Sessions',
  description: 'Link WhatsApp numbers by QR or pairing code, follow their status, log them out. Names and numbers are unique per tenant.',
};

/** Answers of the routes that wait for the connector to start linking a number. */
const linkFailures: Record<number, RouteResponse> = {
  502: { description: 'WhatsApp refused or could not be reached', schema: errorBodySchema },
  ...errors(504),
};

const startWaitSeconds = defaultSetting('SESSION_START_WAIT_MS') / 1000;

export const sessionRoutes = {
  startSession: defineRoute({
    method: 'POST',
    path: '/session/start',
    auth: 'apiKey',
    handler: 'session/start',
    access: ['table:readWrite', 'controlQueues:send'],
    summary: 'Start a WhatsApp session and get its QR (deprecated: use /session/create)',
    description: `Creates the session (or restarts your own unlinked one) and waits up to ${startWaitSeconds} s (SESSION_START_WAIT_MS) for the QR to scan. \`"method": "code"\` answers \`{ "pairingCode" }\` to type on the phone instead. An already linked session answers \`{ "data": { "message": "Connected" } }\`. Session names and phone numbers are unique among your own sessions only: other tenants may use the same ones.`,
    tag: sessionsTag.name,
    deprecated: true,
    body: startSessionBodySchema,
    responses: {
      200: { description: 'The QR (or pairing code) to link with, or "Connected"', schema: startSessionResultSchema },
      ...errors(400, 401, 404, 413, 500),
      ...linkFailures,
    },
  }),
  createSession: defineRoute({
    method: 'POST',
    path: '/session/create',
    auth: 'apiKey',
    handler: 'session/create',
    access: ['table:readWrite', 'controlQueues:send'],
    summary: 'Create a WhatsApp session for a frontend',
    description: 'Like /session/start, but answers the session with its status and the QR as a PNG data URL for an `<img src>`.',
    tag: sessionsTag.name,
    body: startSessionBodySchema,
    responses: {
      200: { description: 'The session, with its QR or pairing code', schema: createSessionResultSchema },
      ...errors(400, 401, 404, 413, 500),
      ...linkFailures,
    },
  }),
  listSessions: defineRoute({
    method: 'GET',
    path: '/session/list',
    auth: 'apiKey',
    handler: 'session/list',
    access: ['table:read'],
    summary: 'List your WhatsApp sessions',
    tag: sessionsTag.name,
    responses: { 200: { description: 'Your sessions', schema: sessionListResultSchema }, ...errors(401, 500) },
  }),
  sessionStatus: defineRoute({
    method: 'GET',
    path: '/session/status',
    auth: 'apiKey',
    handler: 'session/status',
    access: ['table:read'],
    summary: 'Get the status of a session',
    tag: sessionsTag.name,
    query: sessionQuerySchema,
    responses: { 200: { description: 'The session status', schema: sessionStatusResultSchema }, ...errors(400, 401, 404, 500) },
  }),
  logoutSession: defineRoute({
    method: 'POST',
    path: '/session/logout',
    auth: 'apiKey',
    handler: 'session/logout',
    access: ['table:readWrite', 'controlQueues:send', 'authState:delete', 'media:delete'],
    summary: 'Log out and delete a session',
    description:
      'Give `session` in the body or the query. Unlinks the device on WhatsApp, deletes the session and its stored credentials, and fails every message still waiting on it ("session was logged out"). Its name is then free again; a new session of that name starts with nothing of the old one.',
    tag: sessionsTag.name,
    body: logoutBodySchema,
    query: optionalSessionQuerySchema,
    responses: { 200: { description: 'Logged out', schema: logoutResultSchema }, ...errors(400, 401, 404, 500) },
  }),
  checkPhone: defineRoute({
    method: 'POST',
    path: '/session/check-phone',
    auth: 'apiKey',
    handler: 'session/check-phone',
    access: ['table:read'],
    summary: 'Check whether a phone number has an active session',
    tag: sessionsTag.name,
    body: checkPhoneBodySchema,
    responses: {
      200: { description: 'Whether you have an active session for it', schema: checkPhoneResultSchema },
      ...errors(400, 401, 500),
    },
  }),
  qrImage: defineRoute({
    method: 'GET',
    path: '/session/qr-image',
    auth: 'apiKey',
    handler: 'session/qr-image',
    access: ['table:read'],
    summary: 'Get the QR code as a PNG image',
    tag: sessionsTag.name,
    query: sessionQuerySchema,
    responses: { 200: { description: 'The QR code', contentType: 'image/png' }, ...errors(400, 401, 404, 500) },
  }),
  cleanupSessions: defineRoute({
    method: 'POST',
    path: '/session/cleanup',
    auth: 'apiKey',
    handler: 'session/cleanup',
    access: ['table:readWrite', 'controlQueues:send', 'authState:delete', 'media:delete'],
    summary: 'Delete your sessions inactive for longer than `hours`',
    description: `Inactive: not connected and not reconnecting (logged out, failed, stopped, or never linked), unchanged for \`hours\` (default ${cleanupQuerySchema.shape.hours.parse(undefined)}). Messages still waiting on a removed session are failed ("session was removed as inactive").`,
    tag: sessionsTag.name,
    query: cleanupQuerySchema,
    responses: { 200: { description: 'How many were deleted', schema: cleanupResultSchema }, ...errors(400, 401, 500) },
  }),
};
