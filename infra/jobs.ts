import type { ResourceAccess } from '../shared/resources.ts';

/** A Lambda run on a schedule. */
export interface JobDefinition {
  /** Construct id and rule name part. */
  readonly name: string;
  /** Module under `lambdas/` (without extension) exporting `handler`. */
  readonly handler: string;
  /** An EventBridge schedule expression. */
  readonly schedule: string;
  readonly access: readonly ResourceAccess[];
  readonly timeoutSeconds: number;
  readonly description: string;
}

/** The scheduled jobs: EventBridge rules in the cloud, timers in the local stack. */
export const jobDefinitions: readonly JobDefinition[] = [
  {
    name: 'cleanup-sessions',
    handler: 'jobs/cleanup-sessions',
    schedule: 'rate(1 hour)',
    access: ['table:readWrite', 'controlQueues:send', 'authState:delete', 'media:delete'],
    timeoutSeconds: 300,
    description: "Deletes every user's sessions inactive for more than 24 hours",
  },
  {
    name: 'sweep-pending',
    handler: 'jobs/sweep-pending',
    schedule: 'rate(1 minute)',
    access: ['table:readWrite', 'sendQueues:send', 'sendDeadLetters:consume'],
    timeoutSeconds: 55,
    description: 'Re-enqueues messages left pending too long; marks failed those in the send dead-letter queues',
  },
];
