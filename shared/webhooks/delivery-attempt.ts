import { config } from '../config.ts';
import { count } from '../metrics-emitter.ts';
import { safePost, userAgent, WebhookPostError } from '../net/safe-post.ts';
import { newAttemptId } from '../ids.ts';
import { attemptExpiresAt } from './delivery-log.ts';
import type { DeliveryAttempt, WebhookEndpoint, WebhookEvent } from './model.ts';
import { signingSecrets } from './secrets.ts';
import { signedHeaders } from './signing.ts';

/** What one POST of an event to an endpoint came to, before the delivery policy decides what follows. */
export type PostedAttempt = Omit<DeliveryAttempt, 'nextAttemptAt'>;

/**
 * POSTs `event` to `endpoint` once, signed with every secret that signs at `at`: the body is the
 * event's public fields only, never its tenant or storage fields. Any 2xx is delivered; any other
 * answer, a redirect included (never followed), and no answer at all are failures.
 */
export async function postEvent(endpoint: WebhookEndpoint, event: WebhookEvent, attempt: number, at: Date): Promise<PostedAttempt> {
  const { WEBHOOK_TIMEOUT_MS, WEBHOOK_ALLOW_PRIVATE_URLS } = config();
  const body = JSON.stringify({ id: event.id, type: event.type, timestamp: event.timestamp, data: event.data });
  const secrets = await signingSecrets(endpoint.secrets, at);
  const headers = signedHeaders({ eventId: event.id, body, secrets, at }, userAgent);
  const common = {
    attemptId: newAttemptId(),
    webhookId: endpoint.webhookId,
    eventId: event.id,
    eventType: event.type,
    attempt,
    at: at.toISOString(),
    expiresAt: attemptExpiresAt(at),
  };
  count('webhookDeliveries');
  try {
    const answer = await safePost(endpoint.url, { body, headers, timeoutMs: WEBHOOK_TIMEOUT_MS, allowPrivate: WEBHOOK_ALLOW_PRIVATE_URLS });
    const delivered = answer.statusCode >= 200 && answer.statusCode < 300;
    if (!delivered) count('webhookDeliveriesFailed');
    return {
      ...common,
      statusCode: answer.statusCode,
      latencyMs: answer.latencyMs,
      ...(answer.responseBody ? { responseBody: answer.responseBody } : {}),
      outcome: delivered ? 'delivered' : 'failed',
    };
  } catch (error) {
    if (!(error instanceof WebhookPostError)) throw error;
    count('webhookDeliveriesFailed');
    return { ...common, error: error.message, latencyMs: error.latencyMs, outcome: 'failed' };
  }
}
