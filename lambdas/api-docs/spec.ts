import { apiBaseUrl } from '../../shared/api-docs/base-url.ts';
import { servedOpenApiDocument } from '../../shared/api-docs/openapi.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { json } from '../../shared/http/responses.ts';
import { routes } from '../../shared/routes.ts';

export const handler = httpHandler(routes.apiDocsSpec, async ({ event }) => json(servedOpenApiDocument(apiBaseUrl(event))));
