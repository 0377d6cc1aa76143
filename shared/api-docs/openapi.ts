import { OpenAPIRegistry, OpenApiGeneratorV31, type ResponseConfig, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import packageJson from '../../package.json' with { type: 'json' };
import { authorizerFor, authorizers, type AuthorizerName } from '../http/authorizers.ts';
import type { Route, RouteResponse } from '../http/route.ts';
import { routes, routeTags, type RouteName } from '../routes.ts';
import { requestIdHeaders, throttled } from '../routes/responses.ts';
import { seedExamples, type OperationExample } from './examples.ts';

type OpenApiDocument = ReturnType<OpenApiGeneratorV31['generateDocument']>;

/** One security scheme per authorizer, under the authorizer's name; admin routes use the JWT one. */
const securitySchemes = {
  jwt: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'The `token` that /auth/register and /auth/login answer.' },
  apiKey: { type: 'apiKey', in: 'header', name: authorizers.apiKey.identityHeader, description: 'The `apiKey` that /auth/me shows.' },
} as const satisfies Record<AuthorizerName, unknown>;

let document: OpenApiDocument | undefined;

/** The OpenAPI 3.1 document of the route table (the docs routes left out), generated once per process, without servers. */
export function openApiDocument(): OpenApiDocument {
  document ??= generate();
  return document;
}

/** The document as served: its one server is the API's base URL, which generated clients take as it is. */
export function servedOpenApiDocument(baseUrl: string): OpenApiDocument {
  return { ...openApiDocument(), servers: [{ url: baseUrl, description: 'The API that serves this document' }] };
}

function generate(): OpenApiDocument {
  const registry = new OpenAPIRegistry();
  for (const [name, scheme] of Object.entries(securitySchemes)) registry.registerComponent('securitySchemes', name, scheme);
  const documented = (Object.entries(routes) as [RouteName, Route][]).filter(([, route]) => !route.excludeFromSpec);
  for (const [name, route] of documented) registry.registerPath(operation(name, route));
  const tagNames = [...new Set(documented.map(([, route]) => route.tag))];
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'WhatsApp Hub API', version: packageJson.version, description: packageJson.description },
    tags: tagNames.map((name) => routeTags.find((tag) => tag.name === name) ?? { name }),
  });
}

function operation(name: RouteName, route: Route): RouteConfig {
  const example = seedExamples[name];
  const authorizer = authorizerFor(route.auth);
  // Any route may meet API Gateway's throttling; a route's own 429 (with Retry-After) says more.
  const responses = { 429: throttled, ...route.responses };
  // The example answer is the success one: 200, or 201 where the route creates something.
  const success = successStatus(route);
  return {
    method: route.method.toLowerCase() as RouteConfig['method'],
    path: route.path,
    operationId: name,
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    tags: [route.tag],
    ...(route.deprecated ? { deprecated: true } : {}),
    // An empty list says "public" outright, rather than leaving tools to guess.
    security: authorizer ? [{ [authorizer]: [] }] : [],
    request: {
      // A body is optional exactly when its schema accepts none (e.g. /session/logout, which also takes the query).
      ...(route.body
        ? {
            body: {
              required: !route.body.safeParse(undefined).success,
              content: { 'application/json': { schema: route.body, ...requestExamples(example) } },
            },
          }
        : {}),
      ...(route.query ? { query: objectSchema(route.query, route, 'query') } : {}),
      ...(route.params ? { params: objectSchema(route.params, route, 'params') } : {}),
      ...(route.headers ? { headers: route.headers } : {}),
    },
    responses: Object.fromEntries(
      Object.entries(responses).map(([status, response]) => [
        status,
        responseConfig(response, status === success ? example?.response : undefined),
      ]),
    ),
  };
}

/** The route's 2xx answer (the first, should it have several). */
export function successStatus(route: Route): string | undefined {
  return Object.keys(route.responses).find((status) => status.startsWith('2'));
}

function responseConfig(response: RouteResponse, example: unknown): ResponseConfig {
  const headers = response.headers ? requestIdHeaders.extend(response.headers.shape) : requestIdHeaders;
  const contentType = response.contentType ?? 'application/json';
  if (!response.schema)
    return { description: response.description, headers, ...(response.contentType ? { content: { [contentType]: {} } } : {}) };
  const content = { [contentType]: withExample({ schema: response.schema }, example) };
  return {
    description: response.description,
    headers,
    content: response.alsoContentType ? { ...content, [response.alsoContentType]: {} } : content,
  };
}

/** The request's example or, when it has alternatives, the named list of them all, its own first (a dropdown in Swagger UI). */
function requestExamples(example: OperationExample | undefined): {
  example?: unknown;
  examples?: Record<string, { summary?: string; value: unknown }>;
} {
  if (example?.alternatives === undefined) return example?.request === undefined ? {} : { example: example.request };
  const { summary, request, alternatives } = example;
  const named = { main: { ...(summary === undefined ? {} : { summary }), request }, ...alternatives };
  return { examples: Object.fromEntries(Object.entries(named).map(([name, { request: value, ...about }]) => [name, { ...about, value }])) };
}

function withExample<T extends object>(mediaType: T, example: unknown): T & { example?: unknown } {
  return example === undefined ? mediaType : { ...mediaType, example };
}

/** Query and path parameters are the properties of an object schema. */
function objectSchema(schema: z.ZodType, route: Route, part: string): z.ZodObject | z.ZodPipe {
  if (schema instanceof z.ZodObject || schema instanceof z.ZodPipe) return schema;
  throw new Error(`${route.method} ${route.path}: ${part} must be an object schema to become parameters`);
}
