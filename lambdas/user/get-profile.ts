import { httpHandler } from '../../shared/http/handler.ts';
import { json } from '../../shared/http/responses.ts';
import { routes } from '../../shared/routes.ts';
import { profileResultSchema } from '../../shared/schemas/users.ts';
import { getProfile } from '../../shared/users/service.ts';

export const handler = httpHandler(routes.getProfile, async ({ caller }) => {
  return json(profileResultSchema.parse({ success: true, data: await getProfile(caller) }));
});
