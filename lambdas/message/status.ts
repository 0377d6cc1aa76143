import { httpHandler } from '../../shared/http/handler.ts';
import { json } from '../../shared/http/responses.ts';
import { messageStatus } from '../../shared/messages/service.ts';
import { routes } from '../../shared/routes.ts';
import { messageStatusResultSchema } from '../../shared/schemas/messages.ts';

export const handler = httpHandler(routes.messageStatus, async ({ query, caller }) => {
  return json(messageStatusResultSchema.parse({ success: true, data: await messageStatus(caller, query) }));
});
