import { httpHandler } from '../../shared/http/handler.ts';
import { json } from '../../shared/http/responses.ts';
import { mediaSourceOf } from '../../shared/messages/request-media.ts';
import { queueMessage } from '../../shared/messages/service.ts';
import { routes } from '../../shared/routes.ts';
import { queuedResultSchema } from '../../shared/schemas/messages.ts';

export const handler = httpHandler(routes.sendDocument, async ({ body, caller, event }) => {
  const { document_url, media_base64, mime_type, media_id, document_name, text, ...recipient } = body;
  const { source, fileName } = await mediaSourceOf(caller, { url: document_url, media_base64, mime_type, media_id }, 'document');
  const content = { type: 'document', media: source, fileName: document_name ?? fileName, caption: text } as const;
  const messageId = await queueMessage(caller, { ...recipient, content }, event.headers['idempotency-key']);
  return json(queuedResultSchema.parse({ success: true, messageId, message: 'Message queued successfully' }));
});
