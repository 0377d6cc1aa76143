import { httpHandler } from '../../shared/http/handler.ts';
import { json } from '../../shared/http/responses.ts';
import { routes } from '../../shared/routes.ts';
import { accountsResultSchema } from '../../shared/schemas/sessions.ts';
import { listSessionsOfUser, toSessionView } from '../../shared/sessions/repository.ts';

export const handler = httpHandler(routes.accounts, async ({ caller }) => {
  const sessions = await listSessionsOfUser(caller.userId);
  return json(accountsResultSchema.parse({ success: true, data: sessions.map(toSessionView) }));
});
