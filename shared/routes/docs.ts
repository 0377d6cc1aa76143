import { swaggerUiAssetParamsSchema, swaggerUiContentSecurityPolicy } from '../api-docs/swagger-ui.ts';
import { defineRoute } from '../http/route.ts';
import { errors } from './responses.ts';

// Left out of the document they serve, so their tag is never shown there.
const tag = 'Documentation';

export const docsRoutes = {
  apiDocsSpec: defineRoute({
    method: 'GET',
    path: '/api-docs/spec',
    auth: 'none',
    handler: 'api-docs/spec',
    access: [],
    summary: 'The OpenAPI 3.1 document of this API',
    tag,
    excludeFromSpec: true,
    responses: { 200: { description: 'The document', contentType: 'application/json' }, ...errors(500) },
  }),
  apiDocsUi: defineRoute({
    method: 'GET',
    path: '/api-docs/ui',
    auth: 'none',
    handler: 'api-docs/ui',
    access: [],
    summary: 'Swagger UI for this API',
    tag,
    excludeFromSpec: true,
    contentSecurityPolicy: swaggerUiContentSecurityPolicy,
    responses: { 200: { description: 'The page', contentType: 'text/html' }, ...errors(500) },
  }),
  apiDocsUiAsset: defineRoute({
    method: 'GET',
    path: '/api-docs/ui/{asset}',
    auth: 'none',
    handler: 'api-docs/ui-asset',
    access: [],
    summary: "A file of Swagger UI's page",
    tag,
    excludeFromSpec: true,
    params: swaggerUiAssetParamsSchema,
    responses: { 200: { description: 'The file' }, 304: { description: 'Not modified' }, ...errors(404, 500) },
  }),
};
