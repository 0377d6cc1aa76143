import { httpHandler } from '../../shared/http/handler.ts';
import { json } from '../../shared/http/responses.ts';
import { routes } from '../../shared/routes.ts';
import { rotateWebhookSecretResultSchema } from '../../shared/schemas/webhooks.ts';
import { rotateSecret } from '../../shared/webhooks/endpoint-service.ts';

export const handler = httpHandler(routes.rotateWebhookSecret, async ({ params, caller }) => {
  return json(rotateWebhookSecretResultSchema.parse({ success: true, data: await rotateSecret(caller, params.id) }));
});
