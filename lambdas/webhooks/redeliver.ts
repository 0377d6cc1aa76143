import { httpHandler } from '../../shared/http/handler.ts';
import { json } from '../../shared/http/responses.ts';
import { routes } from '../../shared/routes.ts';
import { redeliverResultSchema } from '../../shared/schemas/events.ts';
import { redeliver } from '../../shared/webhooks/delivery-service.ts';

export const handler = httpHandler(routes.redeliverWebhookEvent, async ({ params, body, caller }) => {
  const data = await redeliver(caller, params.id, body.eventId);
  return json(redeliverResultSchema.parse({ success: true, data, message: 'Event queued for delivery' }), 202);
});
