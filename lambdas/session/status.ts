import { httpHandler } from '../../shared/http/handler.ts';
import { json } from '../../shared/http/responses.ts';
import { routes } from '../../shared/routes.ts';
import { sessionStatusResultSchema } from '../../shared/schemas/sessions.ts';
import { ownedSession } from '../../shared/sessions/service.ts';

export const handler = httpHandler(routes.sessionStatus, async ({ query, caller }) => {
  const session = await ownedSession(caller, query.session);
  return json(
    sessionStatusResultSchema.parse({
      data: {
        sessionId: session.name,
        phoneNumber: session.phoneNumber,
        status: session.status,
        isConnected: session.status === 'connected',
        lastUpdated: session.updatedAt,
        createdAt: session.createdAt,
        lastError: session.lastError,
      },
    }),
  );
});
