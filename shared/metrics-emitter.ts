import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { config, isCloudStage } from './config.ts';
import { metricNames, metricsNamespace, metricsServiceName } from './metrics.ts';

let instance: Metrics | null | undefined;

/**
 * The process's Powertools Metrics (CloudWatch embedded metric format on stdout), or null outside
 * the cloud stages: locally there is no CloudWatch to read them.
 */
export function metrics(): Metrics | null {
  if (instance === undefined) {
    const { STAGE } = config();
    instance = isCloudStage(STAGE)
      ? new Metrics({ namespace: metricsNamespace, serviceName: metricsServiceName, defaultDimensions: { stage: STAGE } })
      : null;
  }
  return instance;
}

export type CountedEvent =
  | 'messagesSent'
  | 'messagesFailed'
  | 'messagesRateLimited'
  | 'sessionsDisconnected'
  | 'inboundMediaFailed'
  | 'inboundMessagesLost'
  | 'outboundMediaNotKept'
  | 'webhookDeliveries'
  | 'webhookDeliveriesFailed';

/** Counts an event; a Lambda publishes with its invocation, the connector with its minute report. */
export function count(event: CountedEvent, value = 1): void {
  metrics()?.addMetric(metricNames[event], MetricUnit.Count, value);
}

/** The connector's per-minute report: its connected sessions, a heartbeat, and the counts since the last one. */
export function reportConnector(connectedSessions: number): void {
  const emitter = metrics();
  if (!emitter) return;
  emitter.addMetric(metricNames.sessionsConnected, MetricUnit.Count, connectedSessions);
  emitter.addMetric(metricNames.connectorHeartbeat, MetricUnit.Count, 1);
  emitter.publishStoredMetrics();
}
