/**
 * Webhooks: the events a tenant's items make, the endpoints they are pushed to, and the log of each
 * attempt. The event is the unit: stored once per tenant (`GET /events`), delivered at least once to
 * every matching endpoint, under the same `evt_` id on every retry and redelivery.
 */

export const eventTypes = ['message.received', 'message.status', 'message.updated', 'session.status', 'webhook.test'] as const;
export type EventType = (typeof eventTypes)[number];
/** What an endpoint may subscribe to: every type but the test event, which goes to the endpoint tested only. */
export const subscribableEventTypes = eventTypes.filter((type) => type !== 'webhook.test');

/** The body POSTed to an endpoint, and what `GET /events` lists. */
export interface WebhookEvent {
  /** `evt_<ULID>`: the time part is when the change happened, so ids sort by time. */
  id: string;
  type: EventType;
  /** ISO 8601: when the change happened (the table write), not when it is delivered. */
  timestamp: string;
  data: Record<string, unknown>;
}

/** An event as kept for its tenant, `EVENT_RETENTION_DAYS` (TTL). */
export interface StoredEvent extends WebhookEvent {
  userId: number;
  /** The session's name, when the event is about one: endpoints limited to a session match on it. */
  session?: string;
  expiresAt: number;
}

/** One signing secret; the previous one signs too until `expiresAt` (epoch seconds) after a rotation. */
export interface EndpointSecret {
  /** `whsec_<base64>`, encrypted as API keys are: the table never holds it in the clear. */
  sealed: string;
  createdAt: string;
  expiresAt?: number;
}

export interface WebhookEndpoint {
  /** `wh_<ULID>` */
  webhookId: string;
  userId: number;
  url: string;
  /** The types it receives; every subscribable type when the tenant named none. */
  events: EventType[];
  /** Limits it to one of the tenant's sessions, by name. */
  session?: string;
  description?: string;
  enabled: boolean;
  /** Why it was disabled: by its owner, a 410 Gone, or failing every attempt for `WEBHOOK_DISABLE_AFTER_SECONDS`. */
  disabledReason?: string;
  /** When its current run of failed attempts began; cleared by any 2xx. */
  failingSince?: string;
  /** Newest first. */
  secrets: EndpointSecret[];
  createdAt: string;
  updatedAt: string;
}

/** The delivery queue's message: deliver this event to this endpoint. Attempts count by SQS receives. */
export interface DeliveryJob {
  userId: number;
  webhookId: string;
  eventId: string;
}

/** One attempt, as `GET /webhooks/{id}/deliveries` lists it; kept as long as events. */
export interface DeliveryAttempt {
  /** `att_<ULID>` */
  attemptId: string;
  webhookId: string;
  eventId: string;
  eventType: EventType;
  /** 1 for the first try of a delivery; a redelivery starts again at 1. */
  attempt: number;
  at: string;
  /** The receiver's HTTP status; absent when no answer came (`error` says why). */
  statusCode?: number;
  error?: string;
  latencyMs: number;
  /** The start of the receiver's answer (a few KiB at most). */
  responseBody?: string;
  outcome: 'delivered' | 'failed';
  /** For a failure: when it is tried again, or absent when it is not (410, disabled, given up). */
  nextAttemptAt?: string;
  expiresAt: number;
}
