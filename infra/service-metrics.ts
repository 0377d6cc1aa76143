import { Duration } from 'aws-cdk-lib';
import { Metric } from 'aws-cdk-lib/aws-cloudwatch';
import { metricDimensions, metricsNamespace } from '../shared/metrics.ts';

/** One of the service's own EMF metrics (`shared/metrics.ts`) of a stage, per minute. */
export function serviceMetric(stage: string, metricName: string, statistic = 'Sum'): Metric {
  return new Metric({
    namespace: metricsNamespace,
    metricName,
    dimensionsMap: metricDimensions(stage),
    statistic,
    period: Duration.minutes(1),
  });
}
