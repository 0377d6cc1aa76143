import { httpHandler } from '../../shared/http/handler.ts';
import { json } from '../../shared/http/responses.ts';
import { routes } from '../../shared/routes.ts';
import { webhookDeliveriesResultSchema } from '../../shared/schemas/events.ts';
import { endpointDeliveries } from '../../shared/webhooks/delivery-service.ts';

export const handler = httpHandler(routes.webhookDeliveries, async ({ params, query, caller }) => {
  const { deliveries, nextCursor } = await endpointDeliveries(caller, params.id, query);
  return json(webhookDeliveriesResultSchema.parse({ success: true, data: deliveries, nextCursor }));
});
