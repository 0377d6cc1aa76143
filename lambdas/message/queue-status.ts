import { httpHandler } from '../../shared/http/handler.ts';
import { json } from '../../shared/http/responses.ts';
import { queueStatus } from '../../shared/messages/service.ts';
import { routes } from '../../shared/routes.ts';
import { queueStatusResultSchema } from '../../shared/schemas/messages.ts';

export const handler = httpHandler(routes.queueStatus, async ({ query, caller }) => {
  return json(queueStatusResultSchema.parse(await queueStatus(caller, query.session)));
});
