import type { WebhookEndpoint } from './model.ts';

/** Whether `endpoint` receives `event` now: enabled, subscribed to its type, and to its session if it names one. */
export function wants(endpoint: WebhookEndpoint, event: { type: string; session?: string }): boolean {
  return (
    endpoint.enabled &&
    endpoint.events.some((type) => type === event.type) &&
    (endpoint.session === undefined || endpoint.session === event.session)
  );
}
