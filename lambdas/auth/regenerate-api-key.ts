import { httpHandler } from '../../shared/http/handler.ts';
import { json } from '../../shared/http/responses.ts';
import { routes } from '../../shared/routes.ts';
import { apiKeyResultSchema } from '../../shared/schemas/users.ts';
import { regenerateApiKey } from '../../shared/users/service.ts';

export const handler = httpHandler(routes.regenerateApiKey, async ({ caller }) => {
  return json(apiKeyResultSchema.parse({ success: true, data: { apiKey: await regenerateApiKey(caller) } }));
});
