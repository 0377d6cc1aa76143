/**
 * The service's own CloudWatch metrics (embedded metric format), named in one place so the code
 * that emits them (Powertools Metrics) and the CDK app's dashboard and alarms agree.
 */
export const metricsNamespace = 'WhatsAppHub';

/** Powertools Metrics' `serviceName`: it becomes the `service` dimension of every metric. */
export const metricsServiceName = 'whatsapp-hub';

/** Every metric carries these dimensions (Powertools' service plus `stage` as a default dimension). */
export function metricDimensions(stage: string): { service: string; stage: string } {
  return { service: metricsServiceName, stage };
}

export const metricNames = {
  /** Gauge, emitted by each connector task every minute: sessions it holds connected (its Average is sessions per task). */
  sessionsConnected: 'SessionsConnected',
  /** Count: connections lost (any disconnect that is not a logout the user asked for). */
  sessionsDisconnected: 'SessionsDisconnected',
  /** Count: messages handed to WhatsApp. */
  messagesSent: 'MessagesSent',
  /** Count: messages marked failed. */
  messagesFailed: 'MessagesFailed',
  /** Count: sends refused with 429 by the rate-limit windows. */
  messagesRateLimited: 'MessagesRateLimited',
  /** Count: inbound media that could not be downloaded or stored (media over the size cap is not counted). */
  inboundMediaFailed: 'InboundMediaFailed',
  /** Count: inbound messages (or their edits, deletes, reactions) whose write still failed after every retry: WhatsApp will not send them again. */
  inboundMessagesLost: 'InboundMessagesLost',
  /** Count: media fetched for a send that went out but could not be kept for `GET /message/media`. */
  outboundMediaNotKept: 'OutboundMediaNotKept',
  /** Count: webhook delivery attempts (POSTs to customers' endpoints), retries included. */
  webhookDeliveries: 'WebhookDeliveries',
  /** Count: the webhook delivery attempts that got no 2xx answer (an error status, a timeout, a refused address); part of `webhookDeliveries`. */
  webhookDeliveriesFailed: 'WebhookDeliveriesFailed',
  /** Count, 1 per connector task per minute: missing means no connector is alive. */
  connectorHeartbeat: 'ConnectorHeartbeat',
} as const;
