import { logger } from '../../shared/logger.ts';
import { cleanupQuerySchema } from '../../shared/schemas/sessions.ts';
import { cleanupAllInactiveSessions } from '../../shared/sessions/service.ts';

/** `POST /session/cleanup`'s default: inactive for more than 24 hours. */
const inactiveHours = cleanupQuerySchema.parse({}).hours;

/** Scheduled job: deletes every user's sessions inactive for longer than `inactiveHours`, as the route does for one user. */
export async function handler(): Promise<{ deleted: number }> {
  const deleted = await cleanupAllInactiveSessions(inactiveHours);
  logger().info('Inactive sessions cleaned up', { deleted, inactiveHours });
  return { deleted };
}
