import { httpHandler } from '../../shared/http/handler.ts';
import { json } from '../../shared/http/responses.ts';
import { routes } from '../../shared/routes.ts';
import { createSessionResultSchema } from '../../shared/schemas/sessions.ts';
import { toSessionView } from '../../shared/sessions/repository.ts';
import { qrDataUrl, startSession } from '../../shared/sessions/service.ts';

export const handler = httpHandler(routes.createSession, async ({ body, caller }) => {
  const outcome = await startSession(caller, body);
  const qr = !outcome.connected && outcome.qr ? await qrDataUrl(outcome.qr) : null;
  const pairingCode = !outcome.connected ? (outcome.pairingCode ?? null) : null;
  return json(createSessionResultSchema.parse({ success: true, data: { ...toSessionView(outcome.session), qr, pairingCode } }));
});
