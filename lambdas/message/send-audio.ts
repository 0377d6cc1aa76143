import { httpHandler } from '../../shared/http/handler.ts';
import { json } from '../../shared/http/responses.ts';
import { mediaSourceOf } from '../../shared/messages/request-media.ts';
import { queueMessage } from '../../shared/messages/service.ts';
import { routes } from '../../shared/routes.ts';
import { queuedResultSchema } from '../../shared/schemas/messages.ts';

export const handler = httpHandler(routes.sendAudio, async ({ body, caller, event }) => {
  const { audio_url, media_base64, mime_type, media_id, ptt, ...recipient } = body;
  const { source } = await mediaSourceOf(caller, { url: audio_url, media_base64, mime_type, media_id }, 'audio', { ptt });
  const content = { type: 'audio', media: source, ptt } as const;
  const messageId = await queueMessage(caller, { ...recipient, content }, event.headers['idempotency-key']);
  return json(queuedResultSchema.parse({ success: true, messageId, message: 'Message queued successfully' }));
});
