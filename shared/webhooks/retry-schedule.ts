import { config } from '../config.ts';
import { webhookQueueSettings } from '../resources.ts';

/**
 * SQS hides a received message for at most 12 hours counted from its receipt, and refuses a longer
 * ChangeMessageVisibility. The delivery is still within the queue's visibility timeout of its
 * receipt when it asks, so this much is always accepted.
 */
export const maxRetryDelaySeconds = 43_200 - webhookQueueSettings.visibilityTimeoutSeconds;

/** Spread of the random jitter around each delay, so that the retries of one outage do not all land at once. */
const jitter = 0.2;

/**
 * How long to wait before retrying a delivery whose `attempt` (1 for the first) just failed:
 * `WEBHOOK_RETRY_SCHEDULE_SECONDS[attempt - 1]`, or its last value once past its end, ±20 %.
 */
export function retryDelaySeconds(attempt: number, random: () => number = Math.random): number {
  const schedule = config().WEBHOOK_RETRY_SCHEDULE_SECONDS;
  const base = schedule[Math.min(Math.max(attempt, 1), schedule.length) - 1]!;
  const jittered = Math.round(base * (1 + jitter * (2 * random() - 1)));
  return Math.min(Math.max(jittered, 1), maxRetryDelaySeconds);
}

/** A setting in seconds as words, in its largest whole unit: 259200 → "3 days", 90 → "90 seconds". */
export function describeDuration(seconds: number): string {
  const units = [
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ] as const;
  const [unit, size] = units.find(([, size]) => seconds % size === 0 && seconds >= size) ?? ['second', 1];
  const amount = seconds / size;
  return `${amount} ${unit}${amount === 1 ? '' : 's'}`;
}
