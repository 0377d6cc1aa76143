import { swaggerUiAssetResponse } from '../../shared/api-docs/swagger-ui.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { routes } from '../../shared/routes.ts';

export const handler = httpHandler(routes.apiDocsUiAsset, async ({ params, event }) =>
  swaggerUiAssetResponse(params.asset, event.headers['if-none-match']),
);
