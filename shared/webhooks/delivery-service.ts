/** What a tenant does with deliveries: test an endpoint, read its attempts, send an event again, catch up on events. */
import type { Caller } from '../auth/authenticate.ts';
import { InvalidInput, NotFound } from '../errors.ts';
import { deliverNow } from './delivery.ts';
import { listAttempts } from './delivery-log.ts';
import { enqueueDeliveries } from './delivery-queue.ts';
import { ownEndpoint } from './endpoint-service.ts';
import { newEventId } from './event-ids.ts';
import { eventExpiry, getStoredEvent, listEvents, publicEvent, storeEvent, type EventQuery } from './event-store.ts';
import type { StoredEvent } from './model.ts';
import { wants } from './subscriptions.ts';

export const eventNotFoundMessage = 'Event not found';

/**
 * Sends a `webhook.test` event to the endpoint now and answers how it went. The event is kept like
 * any other (listed by `GET /events`, redeliverable); the endpoint's own state is left alone.
 */
export async function testEndpoint(caller: Caller, webhookId: string) {
  const endpoint = await ownEndpoint(caller, webhookId);
  const at = new Date();
  const event: StoredEvent = {
    id: newEventId(at),
    type: 'webhook.test',
    timestamp: at.toISOString(),
    data: { webhookId, message: 'A test event from WhatsApp Hub: your endpoint is reachable and can verify our signature.' },
    userId: caller.userId,
    expiresAt: eventExpiry(at),
  };
  await storeEvent(event);
  const attempt = await deliverNow(endpoint, publicEvent(event), at);
  return {
    eventId: event.id,
    delivered: attempt.outcome === 'delivered',
    statusCode: attempt.statusCode ?? null,
    error: attempt.error ?? null,
    latencyMs: attempt.latencyMs,
    responseBody: attempt.responseBody ?? null,
  };
}

/** The endpoint's delivery attempts, newest first. */
export async function endpointDeliveries(caller: Caller, webhookId: string, page: { limit: number; cursor?: string }) {
  await ownEndpoint(caller, webhookId);
  const { attempts, nextCursor } = await listAttempts(webhookId, page);
  const deliveries = attempts.map(
    ({ attemptId, eventId, eventType, attempt, at, statusCode, error, latencyMs, responseBody, outcome, nextAttemptAt }) => ({
      attemptId,
      eventId,
      eventType,
      attempt,
      at,
      outcome,
      statusCode: statusCode ?? null,
      error: error ?? null,
      latencyMs,
      responseBody: responseBody ?? null,
      nextAttemptAt: nextAttemptAt ?? null,
    }),
  );
  return { deliveries, nextCursor: nextCursor ?? null };
}

/**
 * Queues one of the tenant's kept events for the endpoint again, under its own id (receivers that
 * have it already deduplicate). The endpoint must be enabled and take events of that type and session.
 */
export async function redeliver(caller: Caller, webhookId: string, eventId: string) {
  const endpoint = await ownEndpoint(caller, webhookId);
  const event = await getStoredEvent(caller.userId, eventId);
  if (!event) throw new NotFound(eventNotFoundMessage);
  if (!endpoint.enabled) throw new InvalidInput('Webhook is disabled: enable it with PATCH /webhooks/{id} first');
  if (event.type !== 'webhook.test' && !wants(endpoint, event)) {
    throw new InvalidInput(
      `Webhook does not receive this event: it takes ${endpoint.events.join(', ')}${endpoint.session ? ` of session ${endpoint.session}` : ''}`,
    );
  }
  await enqueueDeliveries([{ userId: caller.userId, webhookId, eventId }]);
  return { webhookId, eventId };
}

/** The tenant's kept events, oldest first from `since`. */
export function tenantEvents(caller: Caller, query: EventQuery) {
  return listEvents(caller.userId, query);
}
