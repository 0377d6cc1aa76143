import { httpHandler } from '../../shared/http/handler.ts';
import { json } from '../../shared/http/responses.ts';
import { mediaSourceOf } from '../../shared/messages/request-media.ts';
import { queueMessage } from '../../shared/messages/service.ts';
import { routes } from '../../shared/routes.ts';
import { queuedResultSchema } from '../../shared/schemas/messages.ts';

export const handler = httpHandler(routes.sendSticker, async ({ body, caller, event }) => {
  const { image_url, media_base64, mime_type, media_id, ...recipient } = body;
  const { source } = await mediaSourceOf(caller, { url: image_url, media_base64, mime_type, media_id }, 'sticker');
  const content = { type: 'sticker', media: source } as const;
  const messageId = await queueMessage(caller, { ...recipient, content }, event.headers['idempotency-key']);
  return json(queuedResultSchema.parse({ success: true, messageId, message: 'Message queued successfully' }));
});
