import { sweepMessages, type SweepCounts } from '../../shared/messages/sweeper.ts';

/** Scheduled job: re-enqueues messages left pending, fails those the queues gave up on. */
export async function handler(): Promise<SweepCounts> {
  return sweepMessages();
}
