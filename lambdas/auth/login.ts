import { httpHandler } from '../../shared/http/handler.ts';
import { json } from '../../shared/http/responses.ts';
import { routes } from '../../shared/routes.ts';
import { authResultSchema } from '../../shared/schemas/users.ts';
import { login } from '../../shared/users/service.ts';

export const handler = httpHandler(routes.login, async ({ body }) => {
  const signedIn = await login(body);
  return json(authResultSchema.parse({ success: true, data: signedIn }));
});
