import { defineRoute } from '../http/route.ts';
import {
  eventsQuerySchema,
  eventsResultSchema,
  redeliverBodySchema,
  redeliverResultSchema,
  testWebhookResultSchema,
  webhookDeliveriesQuerySchema,
  webhookDeliveriesResultSchema,
} from '../schemas/events.ts';
import { webhookParamsSchema } from '../schemas/webhooks.ts';
import { defaultSetting, errors } from './responses.ts';
import { webhookIdNote, webhooksTag } from './webhooks.ts';

const retentionDays = defaultSetting('EVENT_RETENTION_DAYS');

/** What happens to deliveries: test one now, read the attempts, send an event again, catch up on events. */
export const webhookDeliveryRoutes = {
  testWebhook: defineRoute({
    method: 'POST',
    path: '/webhooks/{id}/test',
    auth: 'apiKey',
    handler: 'webhooks/test',
    access: ['table:readWrite', 'secrets:read'],
    summary: 'Send a test event to a webhook endpoint now',
    description:
      `POSTs a signed \`webhook.test\` event to the endpoint at once, even a disabled one, and answers how it went: \`delivered\` on a 2xx within ${defaultSetting('WEBHOOK_TIMEOUT_MS') / 1_000} s, ` +
      `else the status or the error. It is not retried, changes nothing about the endpoint, and shows in its deliveries and in \`GET /events\`. ${webhookIdNote}`,
    tag: webhooksTag.name,
    params: webhookParamsSchema,
    responses: { 200: { description: 'How the delivery went', schema: testWebhookResultSchema }, ...errors(401, 404, 500) },
  }),
  webhookDeliveries: defineRoute({
    method: 'GET',
    path: '/webhooks/{id}/deliveries',
    auth: 'apiKey',
    handler: 'webhooks/deliveries',
    access: ['table:read'],
    summary: "List a webhook endpoint's delivery attempts",
    description:
      `Newest first, ${retentionDays} days: each attempt's event, attempt number, time, HTTP status or error, latency, the start of the answer, and when a failure is tried again. ` +
      `Page with \`cursor\` (\`nextCursor\`, null at the end). ${webhookIdNote}`,
    tag: webhooksTag.name,
    params: webhookParamsSchema,
    query: webhookDeliveriesQuerySchema,
    responses: { 200: { description: 'A page of attempts', schema: webhookDeliveriesResultSchema }, ...errors(400, 401, 404, 500) },
  }),
  redeliverWebhookEvent: defineRoute({
    method: 'POST',
    path: '/webhooks/{id}/redeliver',
    auth: 'apiKey',
    handler: 'webhooks/redeliver',
    access: ['table:read', 'webhookDeliveries:send'],
    summary: 'Deliver an event to a webhook endpoint again',
    description:
      `Queues one of your events of the last ${retentionDays} days for the endpoint again, under the same event id (deduplicate by it), with retries as for any delivery. ` +
      `404 "Event not found" for an unknown or expired event; 400 when the endpoint is disabled or does not take events of that type or session. ${webhookIdNote}`,
    tag: webhooksTag.name,
    params: webhookParamsSchema,
    body: redeliverBodySchema,
    responses: { 202: { description: 'Queued', schema: redeliverResultSchema }, ...errors(400, 401, 404, 413, 500) },
  }),
  listEvents: defineRoute({
    method: 'GET',
    path: '/events',
    auth: 'apiKey',
    handler: 'events/list',
    access: ['table:read'],
    summary: 'List your events',
    description:
      `Every event of yours of the last ${retentionDays} days, delivered or not, oldest first from \`since\`: a receiver that was down catches up here without waiting for retries. ` +
      'Filter by `session` and `type`; page with `cursor`. `nextCursor` is null when no more events are kept yet: poll again later with `since` set to the last `timestamp` you have (and skip the ids you saw).',
    tag: webhooksTag.name,
    query: eventsQuerySchema,
    responses: { 200: { description: 'A page of events', schema: eventsResultSchema }, ...errors(400, 401, 500) },
  }),
};
