import { httpHandler } from '../../shared/http/handler.ts';
import { json } from '../../shared/http/responses.ts';
import { routes } from '../../shared/routes.ts';
import { adminUsersResultSchema } from '../../shared/schemas/users.ts';
import { listUsers } from '../../shared/users/service.ts';

export const handler = httpHandler(routes.adminUsers, async ({ query }) => {
  const page = await listUsers(query);
  return json(adminUsersResultSchema.parse({ success: true, data: page.users, nextCursor: page.nextCursor ?? null }));
});
