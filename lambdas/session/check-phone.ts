import { httpHandler } from '../../shared/http/handler.ts';
import { json } from '../../shared/http/responses.ts';
import { routes } from '../../shared/routes.ts';
import { checkPhoneResultSchema } from '../../shared/schemas/sessions.ts';
import { findActiveSessionByPhone } from '../../shared/sessions/service.ts';

export const handler = httpHandler(routes.checkPhone, async ({ body, caller }) => {
  const session = await findActiveSessionByPhone(caller, body.phoneNumber);
  const answer = session
    ? { hasActiveSession: true, session: { sessionId: session.name, phoneNumber: session.phoneNumber, status: session.status } }
    : { hasActiveSession: false };
  return json(checkPhoneResultSchema.parse(answer));
});
