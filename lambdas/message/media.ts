import { httpHandler } from '../../shared/http/handler.ts';
import { json } from '../../shared/http/responses.ts';
import { messageMediaUrl } from '../../shared/messages/media-service.ts';
import { routes } from '../../shared/routes.ts';
import { messageMediaUrlResultSchema } from '../../shared/schemas/messages.ts';

// The URL is signed for minutes: nothing may keep either answer longer, and they differ by Accept.
const uncached = { 'Cache-Control': 'no-store', Vary: 'Accept' };

/**
 * A redirect to the media by default (`curl -L`, an `<img>`); the signed URL as JSON when asked for
 * with `Accept: application/json`, for a page that must not follow a redirect with its API key.
 */
export const handler = httpHandler(routes.messageMedia, async ({ query, caller, event }) => {
  const { url, expiresAt } = await messageMediaUrl(caller, query);
  if (wantsJson(event.headers.accept)) {
    return json(messageMediaUrlResultSchema.parse({ success: true, data: { url, expiresAt } }), 200, uncached);
  }
  return { statusCode: 302, headers: { Location: url, ...uncached }, body: '' };
});

const wantsJson = (accept: string | undefined) => (accept ?? '').toLowerCase().includes('application/json');
