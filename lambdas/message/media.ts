import { httpHandler } from '../../shared/http/handler.ts';
import { messageMediaUrl } from '../../shared/messages/media-service.ts';
import { routes } from '../../shared/routes.ts';

export const handler = httpHandler(routes.messageMedia, async ({ query, caller }) => {
  // The URL is signed for minutes: nothing may keep the redirect longer.
  return { statusCode: 302, headers: { Location: await messageMediaUrl(caller, query), 'Cache-Control': 'no-store' }, body: '' };
});
