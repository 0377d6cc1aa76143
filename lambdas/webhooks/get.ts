import { httpHandler } from '../../shared/http/handler.ts';
import { json } from '../../shared/http/responses.ts';
import { routes } from '../../shared/routes.ts';
import { webhookResultSchema } from '../../shared/schemas/webhooks.ts';
import { getEndpoint } from '../../shared/webhooks/endpoint-service.ts';

export const handler = httpHandler(routes.getWebhook, async ({ params, caller }) => {
  return json(webhookResultSchema.parse({ success: true, data: await getEndpoint(caller, params.id) }));
});
