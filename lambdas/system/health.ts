import { json } from '../../shared/http/responses.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { checkHealth } from '../../shared/health.ts';
import { routes } from '../../shared/routes.ts';

export const handler = httpHandler(routes.health, async () => {
  const health = await checkHealth();
  return json(health, health.status === 'ok' ? 200 : 503);
});
