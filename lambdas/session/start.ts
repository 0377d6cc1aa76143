import { httpHandler } from '../../shared/http/handler.ts';
import { json } from '../../shared/http/responses.ts';
import { routes } from '../../shared/routes.ts';
import { startSessionResultSchema } from '../../shared/schemas/sessions.ts';
import { startSession } from '../../shared/sessions/service.ts';

export const handler = httpHandler(routes.startSession, async ({ body, caller }) => {
  const outcome = await startSession(caller, body);
  if (outcome.connected) return json(startSessionResultSchema.parse({ data: { message: 'Connected' } }));
  return json(startSessionResultSchema.parse(outcome.pairingCode ? { pairingCode: outcome.pairingCode } : { qr: outcome.qr }));
});
