import { httpHandler } from '../../shared/http/handler.ts';
import { json } from '../../shared/http/responses.ts';
import { queueMessage } from '../../shared/messages/service.ts';
import { routes } from '../../shared/routes.ts';
import { queuedResultSchema } from '../../shared/schemas/messages.ts';

export const handler = httpHandler(routes.sendDocument, async ({ body, caller, event }) => {
  const { document_url, document_name, text, ...recipient } = body;
  const content = { type: 'document', media: { url: document_url }, fileName: document_name, caption: text } as const;
  const messageId = await queueMessage(caller, { ...recipient, content }, event.headers['idempotency-key']);
  return json(queuedResultSchema.parse({ success: true, messageId, message: 'Message queued successfully' }));
});
