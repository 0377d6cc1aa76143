import { httpHandler } from '../../shared/http/handler.ts';
import { json } from '../../shared/http/responses.ts';
import { listMessages } from '../../shared/messages/service.ts';
import { routes } from '../../shared/routes.ts';
import { messageListResultSchema } from '../../shared/schemas/messages.ts';

export const handler = httpHandler(routes.listMessages, async ({ query, caller }) => {
  const page = await listMessages(caller, query);
  return json(messageListResultSchema.parse({ success: true, data: page.messages, nextCursor: page.nextCursor }));
});
