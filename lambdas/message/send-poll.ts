import { httpHandler } from '../../shared/http/handler.ts';
import { json } from '../../shared/http/responses.ts';
import { queueMessage } from '../../shared/messages/service.ts';
import { routes } from '../../shared/routes.ts';
import { queuedResultSchema } from '../../shared/schemas/messages.ts';

export const handler = httpHandler(routes.sendPoll, async ({ body, caller, event }) => {
  const { question, options, selectable_count, ...recipient } = body;
  const content = { type: 'poll', question, options, selectableCount: selectable_count } as const;
  const messageId = await queueMessage(caller, { ...recipient, content }, event.headers['idempotency-key']);
  return json(queuedResultSchema.parse({ success: true, messageId, message: 'Message queued successfully' }));
});
