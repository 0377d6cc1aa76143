import { defineRoute, type RouteTag } from '../http/route.ts';
import {
  createWebhookBodySchema,
  createWebhookResultSchema,
  deleteWebhookResultSchema,
  disabledByOwnerReason,
  maxWebhooksPerTenant,
  rotateWebhookSecretResultSchema,
  updateWebhookBodySchema,
  webhookDescriptionMaxLength,
  webhookListResultSchema,
  webhookParamsSchema,
  webhookResultSchema,
} from '../schemas/webhooks.ts';
import { subscribableEventTypes } from '../webhooks/model.ts';
import { defaultSetting, errors } from './responses.ts';

/** 300 → "5 min": the retry schedule as a reader takes it in. */
function describeDelay(seconds: number): string {
  if (seconds % 3_600 === 0) return `${seconds / 3_600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

const retrySchedule = defaultSetting('WEBHOOK_RETRY_SCHEDULE_SECONDS');
const retries = `${retrySchedule.slice(0, -1).map(describeDelay).join(', ')}, then every ${describeDelay(retrySchedule.at(-1) ?? 0)}`;
const disableAfterDays = defaultSetting('WEBHOOK_DISABLE_AFTER_SECONDS') / 86_400;
const overlapHours = defaultSetting('WEBHOOK_SECRET_OVERLAP_SECONDS') / 3_600;
const eventList = subscribableEventTypes.map((type) => `\`${type}\``).join(', ');

export const webhooksTag: RouteTag = {
  name: 'Webhooks',
  description:
    `Endpoints of yours that the service POSTs events to as they happen (${eventList}), instead of you polling. ` +
    'The body is `{ "id": "evt_…", "type", "timestamp", "data" }`; the id is the same on every retry, so deduplicate by it. ' +
    'Signed as the Standard Webhooks specification says (standardwebhooks.com): headers `webhook-id`, `webhook-timestamp` and ' +
    "`webhook-signature` (`v1,` and the base64 HMAC-SHA256 of `id.timestamp.body` under the endpoint's `whsec_` secret); verify with " +
    "the specification's libraries (npm `standardwebhooks`) and refuse old timestamps. " +
    `Any answer other than 2xx, or none within ${defaultSetting('WEBHOOK_TIMEOUT_MS') / 1_000} s, is retried with backoff and jitter (${retries} by default, setting WEBHOOK_RETRY_SCHEDULE_SECONDS); ` +
    `\`410 Gone\` disables the endpoint at once, and so does failing every attempt for ${disableAfterDays} days. ` +
    'Deliveries are not ordered: each event carries its `timestamp`, and message statuses never go backwards in the data.',
};

/** How every `{id}` route treats its id. */
export const webhookIdNote =
  '`{id}` is the endpoint\'s `wh_…` id; another tenant\'s endpoint, or one that does not exist, is 404 "Webhook not found".';

export const webhookRoutes = {
  createWebhook: defineRoute({
    method: 'POST',
    path: '/webhooks',
    auth: 'apiKey',
    handler: 'webhooks/create',
    access: ['table:readWrite', 'secrets:read'],
    summary: 'Add a webhook endpoint',
    description:
      `Answers the endpoint with its signing \`secret\`, shown only here and on rotation: keep it. \`events\` defaults to every type; \`session\` limits it to one of your sessions (400 "Session does not exist" otherwise). ` +
      `\`url\` must be https with a public address (400 "url …" saying why not). \`description\` up to ${webhookDescriptionMaxLength} characters. At most ${maxWebhooksPerTenant} endpoints per tenant.`,
    tag: webhooksTag.name,
    body: createWebhookBodySchema,
    responses: {
      201: { description: 'The endpoint, with its secret', schema: createWebhookResultSchema },
      ...errors(400, 401, 413, 500, 503),
    },
  }),
  listWebhooks: defineRoute({
    method: 'GET',
    path: '/webhooks',
    auth: 'apiKey',
    handler: 'webhooks/list',
    access: ['table:read'],
    summary: 'List your webhook endpoints',
    description: 'Oldest first, without their secrets.',
    tag: webhooksTag.name,
    responses: { 200: { description: 'Your endpoints', schema: webhookListResultSchema }, ...errors(401, 500) },
  }),
  getWebhook: defineRoute({
    method: 'GET',
    path: '/webhooks/{id}',
    auth: 'apiKey',
    handler: 'webhooks/get',
    access: ['table:read'],
    summary: 'Get a webhook endpoint',
    description: `Without its secret. ${webhookIdNote}`,
    tag: webhooksTag.name,
    params: webhookParamsSchema,
    responses: { 200: { description: 'The endpoint', schema: webhookResultSchema }, ...errors(401, 404, 500) },
  }),
  updateWebhook: defineRoute({
    method: 'PATCH',
    path: '/webhooks/{id}',
    auth: 'apiKey',
    handler: 'webhooks/update',
    access: ['table:readWrite'],
    summary: 'Change a webhook endpoint',
    description:
      'Give any of `url`, `events`, `session`, `description` (validated as on creation; null removes `session` or `description`) and `enabled`: ' +
      `\`false\` disables it ("${disabledByOwnerReason}"), \`true\` enables it again, whatever disabled it, and forgets its past failures. ${webhookIdNote}`,
    tag: webhooksTag.name,
    params: webhookParamsSchema,
    body: updateWebhookBodySchema,
    responses: { 200: { description: 'The endpoint as changed', schema: webhookResultSchema }, ...errors(400, 401, 404, 413, 500) },
  }),
  deleteWebhook: defineRoute({
    method: 'DELETE',
    path: '/webhooks/{id}',
    auth: 'apiKey',
    handler: 'webhooks/delete',
    access: ['table:readWrite'],
    summary: 'Delete a webhook endpoint',
    description: `Nothing more is delivered to it, retries included. ${webhookIdNote}`,
    tag: webhooksTag.name,
    params: webhookParamsSchema,
    responses: { 200: { description: 'Deleted', schema: deleteWebhookResultSchema }, ...errors(401, 404, 500, 503) },
  }),
  rotateWebhookSecret: defineRoute({
    method: 'POST',
    path: '/webhooks/{id}/rotate-secret',
    auth: 'apiKey',
    handler: 'webhooks/rotate-secret',
    access: ['table:readWrite', 'secrets:read'],
    summary: "Rotate a webhook endpoint's signing secret",
    description:
      `Answers a new secret, which signs from now on. The one it replaces keeps signing too for ${overlapHours} h by default (setting WEBHOOK_SECRET_OVERLAP_SECONDS, until \`previousSecretExpiresAt\`): ` +
      `each delivery then carries both signatures, so a receiver can switch to the new secret without missing one. Any older secret stops signing at once. ${webhookIdNote}`,
    tag: webhooksTag.name,
    params: webhookParamsSchema,
    responses: { 200: { description: 'The new secret', schema: rotateWebhookSecretResultSchema }, ...errors(401, 404, 500, 503) },
  }),
};
