import { httpHandler } from '../../shared/http/handler.ts';
import { json } from '../../shared/http/responses.ts';
import { routes } from '../../shared/routes.ts';
import { webhookListResultSchema } from '../../shared/schemas/webhooks.ts';
import { listEndpoints } from '../../shared/webhooks/endpoint-service.ts';

export const handler = httpHandler(routes.listWebhooks, async ({ caller }) => {
  return json(webhookListResultSchema.parse({ success: true, data: await listEndpoints(caller) }));
});
