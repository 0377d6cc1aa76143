import { httpHandler } from '../../shared/http/handler.ts';
import { json } from '../../shared/http/responses.ts';
import { routes } from '../../shared/routes.ts';
import { deleteWebhookResultSchema } from '../../shared/schemas/webhooks.ts';
import { deleteEndpoint } from '../../shared/webhooks/endpoint-service.ts';

export const handler = httpHandler(routes.deleteWebhook, async ({ params, caller }) => {
  await deleteEndpoint(caller, params.id);
  return json(deleteWebhookResultSchema.parse({ success: true, message: 'Webhook deleted' }));
});
