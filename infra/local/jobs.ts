import { pathToFileURL } from 'node:url';
import { logger } from '../../shared/logger.ts';
import { jobDefinitions } from '../jobs.ts';
import { lambdaEntry } from '../paths.ts';

/** `rate(5 minutes)` → milliseconds: the only schedule form the jobs use. */
export function rateToMs(schedule: string): number {
  const match = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/.exec(schedule);
  if (!match) throw new Error(`Unsupported schedule: ${schedule}`);
  const unitMs = { minute: 60_000, hour: 3_600_000, day: 86_400_000 }[match[2]!.replace(/s$/, '') as 'minute' | 'hour' | 'day'];
  return Number(match[1]) * unitMs;
}

/** Runs the scheduled jobs in this process on their schedules, as EventBridge does in the cloud. */
export function startLocalJobs(): { stop(): void } {
  const timers = jobDefinitions.map((job) =>
    setInterval(() => {
      import(pathToFileURL(lambdaEntry(job.handler)).href)
        .then((module: { handler: () => Promise<unknown> }) => module.handler())
        .catch((error: unknown) => logger().error('Scheduled job failed', { job: job.name, error }));
    }, rateToMs(job.schedule)),
  );
  return { stop: () => timers.forEach((timer) => clearInterval(timer)) };
}
