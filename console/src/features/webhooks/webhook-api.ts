import { api } from '../../api/client.ts';
import { dataOf } from '../../api/errors.ts';
import type { components, paths } from '../../api/schema.d.ts';

export type Webhook = components['schemas']['Webhook'];
export type EventType = Webhook['events'][number];
export type WebhookChange = NonNullable<paths['/webhooks/{id}']['patch']['requestBody']>['content']['application/json'];

/** Every event type an endpoint may take; the compiler checks the list against the API's. */
const allEventTypes = {
  'message.received': true,
  'message.status': true,
  'message.updated': true,
  'session.status': true,
} satisfies Record<EventType, true>;
export const eventTypes = Object.keys(allEventTypes) as EventType[];

const byId = (id: string) => ({ params: { path: { id } } });

export async function listWebhooks() {
  return dataOf(await api.GET('/webhooks')).data;
}

export async function createWebhook(body: { url: string; events?: EventType[]; session?: string; description?: string }) {
  return dataOf(await api.POST('/webhooks', { body })).data;
}

export async function updateWebhook(id: string, body: WebhookChange) {
  return dataOf(await api.PATCH('/webhooks/{id}', { ...byId(id), body })).data;
}

export async function deleteWebhook(id: string) {
  dataOf(await api.DELETE('/webhooks/{id}', byId(id)));
}

export async function rotateSecret(id: string) {
  return dataOf(await api.POST('/webhooks/{id}/rotate-secret', byId(id))).data;
}

export async function testWebhook(id: string) {
  return dataOf(await api.POST('/webhooks/{id}/test', byId(id))).data;
}

export async function deliveries(id: string, cursor?: string) {
  return dataOf(
    await api.GET('/webhooks/{id}/deliveries', { params: { path: { id }, query: { limit: 50, ...(cursor ? { cursor } : {}) } } }),
  );
}

export async function redeliver(id: string, eventId: string) {
  return dataOf(await api.POST('/webhooks/{id}/redeliver', { ...byId(id), body: { eventId } }));
}
