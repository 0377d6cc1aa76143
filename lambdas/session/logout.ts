import { InvalidInput } from '../../shared/errors.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { json } from '../../shared/http/responses.ts';
import { routes } from '../../shared/routes.ts';
import { logoutResultSchema } from '../../shared/schemas/sessions.ts';
import { logoutSession } from '../../shared/sessions/service.ts';

export const handler = httpHandler(routes.logoutSession, async ({ body, query, caller }) => {
  const sessionId = body?.session ?? query.session;
  if (!sessionId) throw new InvalidInput('Give the session in the body or as ?session=');
  await logoutSession(caller, sessionId);
  return json(logoutResultSchema.parse({ data: 'success' }));
});
