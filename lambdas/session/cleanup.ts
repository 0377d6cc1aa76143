import { httpHandler } from '../../shared/http/handler.ts';
import { json } from '../../shared/http/responses.ts';
import { routes } from '../../shared/routes.ts';
import { cleanupResultSchema } from '../../shared/schemas/sessions.ts';
import { cleanupInactiveSessions } from '../../shared/sessions/service.ts';

export const handler = httpHandler(routes.cleanupSessions, async ({ query, caller }) => {
  const cleanedCount = await cleanupInactiveSessions(caller, query.hours);
  return json(cleanupResultSchema.parse({ data: { message: `Cleaned up ${cleanedCount} inactive sessions`, cleanedCount } }));
});
