import { httpHandler } from '../../shared/http/handler.ts';
import { json } from '../../shared/http/responses.ts';
import { routes } from '../../shared/routes.ts';
import { sessionListResultSchema } from '../../shared/schemas/sessions.ts';
import { toSessionView } from '../../shared/sessions/repository.ts';
import { listSessions } from '../../shared/sessions/service.ts';

export const handler = httpHandler(routes.listSessions, async ({ caller }) => {
  const sessions = await listSessions(caller);
  return json(sessionListResultSchema.parse({ data: sessions.map(toSessionView) }));
});
