import { httpHandler } from '../../shared/http/handler.ts';
import { json } from '../../shared/http/responses.ts';
import { routes } from '../../shared/routes.ts';
import { createWebhookResultSchema } from '../../shared/schemas/webhooks.ts';
import { createEndpoint } from '../../shared/webhooks/endpoint-service.ts';

export const handler = httpHandler(routes.createWebhook, async ({ body, caller }) => {
  return json(createWebhookResultSchema.parse({ success: true, data: await createEndpoint(caller, body) }), 201);
});
