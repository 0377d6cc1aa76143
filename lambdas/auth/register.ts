import { httpHandler } from '../../shared/http/handler.ts';
import { json } from '../../shared/http/responses.ts';
import { routes } from '../../shared/routes.ts';
import { authResultSchema } from '../../shared/schemas/users.ts';
import { register } from '../../shared/users/service.ts';

export const handler = httpHandler(routes.register, async ({ body, event }) => {
  const signedIn = await register(body, event.headers.authorization);
  return json(authResultSchema.parse({ success: true, data: signedIn }));
});
