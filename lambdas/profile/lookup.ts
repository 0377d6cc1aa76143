import { httpHandler } from '../../shared/http/handler.ts';
import { json } from '../../shared/http/responses.ts';
import { lookupProfile } from '../../shared/profile/service.ts';
import { routes } from '../../shared/routes.ts';
import { contactProfileResultSchema } from '../../shared/schemas/profile.ts';

export const handler = httpHandler(routes.contactProfile, async ({ body, caller }) => {
  return json(contactProfileResultSchema.parse({ data: await lookupProfile(caller, body.session, body.target) }));
});
