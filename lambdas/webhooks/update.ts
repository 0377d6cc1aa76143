import { httpHandler } from '../../shared/http/handler.ts';
import { json } from '../../shared/http/responses.ts';
import { routes } from '../../shared/routes.ts';
import { webhookResultSchema } from '../../shared/schemas/webhooks.ts';
import { updateEndpoint } from '../../shared/webhooks/endpoint-service.ts';

export const handler = httpHandler(routes.updateWebhook, async ({ params, body, caller }) => {
  return json(webhookResultSchema.parse({ success: true, data: await updateEndpoint(caller, params.id, body) }));
});
