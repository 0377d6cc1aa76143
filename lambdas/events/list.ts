import { httpHandler } from '../../shared/http/handler.ts';
import { json } from '../../shared/http/responses.ts';
import { routes } from '../../shared/routes.ts';
import { eventsResultSchema } from '../../shared/schemas/events.ts';
import { tenantEvents } from '../../shared/webhooks/delivery-service.ts';

export const handler = httpHandler(routes.listEvents, async ({ query, caller }) => {
  const { since, ...rest } = query;
  const { events, nextCursor } = await tenantEvents(caller, { ...rest, ...(since === undefined ? {} : { since: new Date(since) }) });
  return json(eventsResultSchema.parse({ success: true, data: events, nextCursor }));
});
