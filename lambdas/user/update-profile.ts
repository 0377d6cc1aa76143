import { httpHandler } from '../../shared/http/handler.ts';
import { json } from '../../shared/http/responses.ts';
import { routes } from '../../shared/routes.ts';
import { updatedProfileResultSchema } from '../../shared/schemas/users.ts';
import { updateProfile } from '../../shared/users/service.ts';

export const handler = httpHandler(routes.updateProfile, async ({ body, caller }) => {
  return json(updatedProfileResultSchema.parse({ success: true, data: await updateProfile(caller, body) }));
});
