import { httpHandler } from '../../shared/http/handler.ts';
import { json } from '../../shared/http/responses.ts';
import { routes } from '../../shared/routes.ts';
import { testWebhookResultSchema } from '../../shared/schemas/events.ts';
import { testEndpoint } from '../../shared/webhooks/delivery-service.ts';

export const handler = httpHandler(routes.testWebhook, async ({ params, caller }) => {
  return json(testWebhookResultSchema.parse({ success: true, data: await testEndpoint(caller, params.id) }));
});
