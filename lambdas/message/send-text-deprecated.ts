import { httpHandler } from '../../shared/http/handler.ts';
import { json } from '../../shared/http/responses.ts';
import { queueMessage } from '../../shared/messages/service.ts';
import { routes } from '../../shared/routes.ts';
import { queuedResultSchema } from '../../shared/schemas/messages.ts';

/**
 * RFC 9745 `Deprecation` (since when) and RFC 8594 `Sunset` (removal, with v2.0). The POST has the
 * same path, so the link is relative to the request's own URL: behind a stage prefix (`/prod/…`)
 * an absolute path would miss it.
 */
const deprecationHeaders = {
  Deprecation: '@1767225600',
  Sunset: 'Wed, 30 Jun 2027 00:00:00 GMT',
  Link: '<send-text>; rel="successor-version"',
};

export const handler = httpHandler(routes.sendTextDeprecated, async ({ query, caller, event }) => {
  const { text, ...recipient } = query;
  const messageId = await queueMessage(caller, { ...recipient, content: { type: 'text', text } }, event.headers['idempotency-key']);
  return json(queuedResultSchema.parse({ success: true, messageId, message: 'Message queued successfully' }), 200, deprecationHeaders);
});
