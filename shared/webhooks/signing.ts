import { Webhook } from 'standardwebhooks';

/**
 * The headers of one delivery, to the Standard Webhooks specification: receivers verify them with the
 * spec's reference libraries. Signing goes through the reference `standardwebhooks` package itself,
 * so what we send and what its `verify` checks cannot drift apart.
 */
export type SignedHeaders = {
  'content-type': 'application/json';
  'user-agent': string;
  /** The event's id: the same on every retry and redelivery, what receivers deduplicate by. */
  'webhook-id': string;
  /** Epoch seconds of this attempt: receivers refuse old ones (5 minutes in the reference libraries), which stops replays. */
  'webhook-timestamp': string;
  /** `v1,<base64 HMAC-SHA256 of "id.timestamp.body">` per signing secret, space-separated. */
  'webhook-signature': string;
};

/**
 * Signs `body` (the exact bytes POSTed) with every secret that signs now, newest first: during a
 * rotation's overlap both the new and the previous secret sign, so a receiver still holding either verifies.
 */
export function signedHeaders(
  delivery: { eventId: string; body: string; secrets: readonly string[]; at: Date },
  userAgent: string,
): SignedHeaders {
  if (delivery.secrets.length === 0) throw new Error('The endpoint has no signing secret');
  // The spec signs whole seconds; the header must carry the same second that was signed.
  const at = new Date(Math.floor(delivery.at.getTime() / 1000) * 1000);
  const signatures = delivery.secrets.map((secret) => new Webhook(secret).sign(delivery.eventId, at, delivery.body));
  return {
    'content-type': 'application/json',
    'user-agent': userAgent,
    'webhook-id': delivery.eventId,
    'webhook-timestamp': String(at.getTime() / 1000),
    'webhook-signature': signatures.join(' '),
  };
}
