import { config } from '../config.ts';
import { epochSeconds } from '../db.ts';
import { logger } from '../logger.ts';
import { getWebhook } from './endpoints.ts';
import { getStoredEvent } from './event-store.ts';
import { postEvent, type PostedAttempt } from './delivery-attempt.ts';
import { recordAttempt } from './delivery-log.ts';
import { disableEndpoint, markFailing, markHealthy } from './endpoint-health.ts';
import type { DeliveryAttempt, DeliveryJob, StoredEvent, WebhookEndpoint, WebhookEvent } from './model.ts';
import { describeDuration, retryDelaySeconds } from './retry-schedule.ts';

/**
 * The delivery policy: what one attempt of a queued delivery comes to, and what follows it. A
 * delivery is dropped (done, nothing sent) when there is nothing left to deliver or no one left
 * who wants it; otherwise it is POSTed, logged, and a failure is retried on the schedule, until the
 * endpoint answers 410 Gone or has failed everything for `WEBHOOK_DISABLE_AFTER_SECONDS`.
 */
export type DeliveryOutcome =
  | { outcome: 'dropped'; reason: string }
  | { outcome: 'delivered'; attempt: DeliveryAttempt }
  /** `retryInSeconds` is absent when the delivery is given up. */
  | { outcome: 'failed'; attempt: DeliveryAttempt; retryInSeconds?: number };

export const goneReason = 'the endpoint answered 410 Gone';

/** Why an endpoint failing for `WEBHOOK_DISABLE_AFTER_SECONDS` is disabled, in the setting's words ("every delivery failed for 3 days"). */
export const failingReason = () => `every delivery failed for ${describeDuration(config().WEBHOOK_DISABLE_AFTER_SECONDS)}`;

/** Makes attempt number `attempt` (1 for the first) of `job`, at `now`. */
export async function deliver(job: DeliveryJob, attempt: number, now = new Date()): Promise<DeliveryOutcome> {
  const [endpoint, event] = await Promise.all([getWebhook(job.userId, job.webhookId), getStoredEvent(job.userId, job.eventId)]);
  if (!endpoint) return { outcome: 'dropped', reason: 'the endpoint no longer exists' };
  if (!event || event.expiresAt <= epochSeconds(now)) return { outcome: 'dropped', reason: 'the event has expired' };
  const unwanted = whyUnwanted(endpoint, event);
  if (unwanted) return { outcome: 'dropped', reason: unwanted };

  const posted = await postEvent(endpoint, event, attempt, now);
  if (posted.outcome === 'delivered') {
    if (endpoint.failingSince !== undefined) await markHealthy(endpoint);
    await recordAttempt(posted);
    return { outcome: 'delivered', attempt: posted };
  }
  const retryInSeconds = await afterFailure(endpoint, event, posted, now);
  const attemptLogged: DeliveryAttempt =
    retryInSeconds === undefined ? posted : { ...posted, nextAttemptAt: new Date(now.getTime() + retryInSeconds * 1000).toISOString() };
  await recordAttempt(attemptLogged);
  return { outcome: 'failed', attempt: attemptLogged, ...(retryInSeconds === undefined ? {} : { retryInSeconds }) };
}

/**
 * One attempt now, for `POST /webhooks/{id}/test`: logged like any other (as attempt 1), never
 * retried, and whatever it comes to leaves the endpoint's state alone (its owner is probing it,
 * perhaps before enabling it again).
 */
export async function deliverNow(endpoint: WebhookEndpoint, event: WebhookEvent, now = new Date()): Promise<DeliveryAttempt> {
  const posted = await postEvent(endpoint, event, 1, now);
  await recordAttempt(posted);
  return posted;
}

/**
 * Why an endpoint does not want the event any more: it was disabled, or PATCHed to other types or
 * another session after the delivery was queued. A disabled endpoint's deliveries are dropped, not
 * held: its owner catches up with `GET /events` or redelivers once it is enabled again.
 */
function whyUnwanted(endpoint: WebhookEndpoint, event: StoredEvent): string | undefined {
  if (!endpoint.enabled) return 'the endpoint is disabled';
  // A test event is addressed to the endpoint it tests, whatever it subscribes to.
  if (event.type !== 'webhook.test' && !endpoint.events.includes(event.type)) return `the endpoint no longer receives ${event.type}`;
  if (endpoint.session !== undefined && event.session !== endpoint.session) return 'the endpoint is limited to another session';
  return undefined;
}

/**
 * After a failed attempt: disables the endpoint on a 410, or when its run of failures has lasted
 * `WEBHOOK_DISABLE_AFTER_SECONDS`; answers the delay of the next attempt, or undefined if there is none.
 */
async function afterFailure(endpoint: WebhookEndpoint, event: StoredEvent, posted: PostedAttempt, now: Date): Promise<number | undefined> {
  if (posted.statusCode === 410) {
    await disable(endpoint, goneReason, now);
    return undefined;
  }
  const failingSince = await markFailing(endpoint, now);
  // Deleted meanwhile: its next attempt would be dropped anyway.
  if (failingSince === undefined) return undefined;
  const limitMs = config().WEBHOOK_DISABLE_AFTER_SECONDS * 1000;
  if (now.getTime() - Date.parse(failingSince) >= limitMs) {
    await disable(endpoint, failingReason(), now);
    return undefined;
  }
  // Retries of one event end with the same limit, even while other events reach the endpoint.
  if (now.getTime() - Date.parse(event.timestamp) >= limitMs) return undefined;
  return retryDelaySeconds(posted.attempt);
}

async function disable(endpoint: WebhookEndpoint, reason: string, now: Date): Promise<void> {
  await disableEndpoint(endpoint, reason, now);
  logger().warn('Webhook endpoint disabled', { userId: endpoint.userId, webhookId: endpoint.webhookId, reason });
}
