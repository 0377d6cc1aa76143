import { httpHandler } from '../../shared/http/handler.ts';
import { json } from '../../shared/http/responses.ts';
import { routes } from '../../shared/routes.ts';
import { refreshResultSchema } from '../../shared/schemas/users.ts';
import { refresh } from '../../shared/users/service.ts';

export const handler = httpHandler(routes.refresh, async ({ body }) => {
  const tokens = await refresh(body.refreshToken);
  return json(refreshResultSchema.parse({ success: true, data: tokens }));
});
