import { httpHandler } from '../../shared/http/handler.ts';
import { binary } from '../../shared/http/responses.ts';
import { routes } from '../../shared/routes.ts';
import { qrImage } from '../../shared/sessions/service.ts';

export const handler = httpHandler(routes.qrImage, async ({ query, caller }) => {
  // QR codes rotate every 20-60 s: never cache one.
  return binary(await qrImage(caller, query.session), 'image/png', { 'Cache-Control': 'no-store' });
});
