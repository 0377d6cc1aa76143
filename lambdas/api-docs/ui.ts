import { swaggerUiPage } from '../../shared/api-docs/swagger-ui.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { text } from '../../shared/http/responses.ts';
import { routes } from '../../shared/routes.ts';

export const handler = httpHandler(routes.apiDocsUi, async () =>
  text(swaggerUiPage, 'text/html; charset=utf-8', { 'Cache-Control': 'no-cache' }),
);
