import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import httpCors from '@middy/http-cors';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import httpJsonBodyParser from '@middy/http-json-body-parser';
import httpSecurityHeaders from '@middy/http-security-headers';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import type { z } from 'zod';
import { config } from '../config.ts';
import type { Caller } from '../auth/authenticate.ts';
import { DomainError, Forbidden, InvalidInput, NotFound, TooLarge, Unauthorized } from '../errors.ts';
import { logger } from '../logger.ts';
import { metrics } from '../metrics-emitter.ts';
import { callerOf } from './authorizer.ts';
import { corsAllowedHeaders, corsExposedHeaders, corsMaxAgeSeconds, corsOrigins } from './cors.ts';
import { errorResponseOf } from './error-response.ts';
import { gatewayMessages } from './responses.ts';
import type { Route } from './route.ts';

type Middleware = middy.MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult>;

export interface HttpRequest<Body, Query, Params = undefined> {
  body: Body;
  query: Query;
  /** The `{name}` segments of the route's path. */
  params: Params;
  event: APIGatewayProxyEvent;
  /** The authenticated caller; reading it on a public route is a 401. */
  readonly caller: Caller;
}

type Output<Schema> = Schema extends z.ZodType ? z.output<Schema> : undefined;

/**
 * Wraps a route's handler in the one middleware stack every HTTP Lambda uses, in a fixed order:
 * logging context, request id, header normalizing, security headers, CORS, body-size limit, JSON
 * body parsing, then zod validation of path parameters, body and query; the error handler is last
 * so its `onError` runs first and CORS and security headers still decorate error responses.
 */
export function httpHandler<Body extends z.ZodType, Query extends z.ZodType, Params extends z.ZodType>(
  route: Route<Body, Query, Params>,
  handle: (request: HttpRequest<Output<Body>, Output<Query>, Output<Params>>) => Promise<APIGatewayProxyResult>,
) {
  return middy<APIGatewayProxyEvent, APIGatewayProxyResult>()
    .use(injectLambdaContext(logger(), { resetKeys: true }))
    .use(publishMetrics())
    .use(requestId())
    .use(httpHeaderNormalizer())
    .use(securityHeaders(route))
    .use(cors())
    .use(bodySizeLimit(route))
    .use(jsonBody())
    .use(errorHandler())
    .handler(async (event) => {
      const caller = authorizedCaller(route, event);
      return handle({
        params: pathParameters(route.params, event) as Output<Params>,
        body: validate(route.body, event.body ?? undefined, 'body') as Output<Body>,
        query: validate(route.query, event.queryStringParameters ?? {}, 'query') as Output<Query>,
        event,
        get caller() {
          if (!caller) throw new Unauthorized(gatewayMessages.unauthorized);
          return caller;
        },
      });
    });
}

/** The authorizer already ran; this re-checks its verdict and enforces the admin role. */
function authorizedCaller(route: Route, event: APIGatewayProxyEvent): Caller | undefined {
  if (route.auth === 'none') return undefined;
  const caller = callerOf(event.requestContext?.authorizer);
  if (!caller) throw new Unauthorized(gatewayMessages.unauthorized);
  if (route.auth === 'admin' && caller.role !== 'admin') throw new Forbidden('This route needs the admin role');
  return caller;
}

/** A path whose parameters fail their schema names nothing that exists: 404, as for an unknown route. */
function pathParameters(schema: z.ZodType | undefined, event: APIGatewayProxyEvent): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(event.pathParameters ?? {});
  if (!result.success) throw new NotFound(`Not found: ${event.path}`, { cause: result.error });
  return result.data;
}

function validate(schema: z.ZodType | undefined, value: unknown, part: 'body' | 'query'): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  if (part === 'body' && value === undefined) throw new InvalidInput('Request body is required');
  const problems = result.error.issues.map((issue) => {
    const field = issue.path.join('.');
    return field ? `${field}: ${issue.message}` : issue.message;
  });
  throw new InvalidInput(`Invalid ${part}: ${problems.join('; ')}`, { cause: result.error });
}

/** Publishes the invocation's metrics (EMF) when it ends, whether it succeeded or not. */
function publishMetrics(): Middleware {
  const publish = () => metrics()?.publishStoredMetrics();
  return { after: publish, onError: publish };
}

function requestId(): Middleware {
  return {
    before: (request) => {
      logger().appendKeys({ requestId: request.event.requestContext?.requestId });
    },
    after: (request) => addRequestIdHeader(request),
    onError: (request) => addRequestIdHeader(request),
  };
}

function addRequestIdHeader(request: middy.Request<APIGatewayProxyEvent, APIGatewayProxyResult>): void {
  const id = request.event.requestContext?.requestId;
  if (request.response && id) request.response.headers = { ...request.response.headers, 'x-request-id': id };
}

/**
 * Helmet-style headers; the empty Reporting-Endpoints header is left out (no endpoint is configured).
 * Their Content-Security-Policy of HTML answers allows no script, so a page that runs its own (the
 * docs UI) brings its own policy, and only that route's policy changes.
 */
function securityHeaders(route: Route): Middleware {
  const helmet = httpSecurityHeaders({ reportingEndpoints: false } as Parameters<typeof httpSecurityHeaders>[0]) as Middleware;
  const policy = route.contentSecurityPolicy;
  if (!policy) return helmet;
  const useRoutePolicy = (request: middy.Request<APIGatewayProxyEvent, APIGatewayProxyResult>) => {
    const headers = request.response?.headers;
    if (headers?.['Content-Security-Policy'] !== undefined) headers['Content-Security-Policy'] = policy;
  };
  return {
    after: async (request) => {
      await helmet.after?.(request);
      useRoutePolicy(request);
    },
    onError: async (request) => {
      await helmet.onError?.(request);
      useRoutePolicy(request);
    },
  };
}

function cors(): Middleware {
  const origins = corsOrigins();
  return httpCors({
    ...(origins.includes('*') ? { origin: '*' } : { origins }),
    headers: corsAllowedHeaders.join(','),
    exposeHeaders: corsExposedHeaders.join(','),
    maxAge: corsMaxAgeSeconds,
  }) as Middleware;
}

/** API Gateway caps bodies at 10 MB; the service accepts far less: MAX_BODY_BYTES, or the route's own limit. */
function bodySizeLimit(route: Route): Middleware {
  return {
    before: (request) => {
      const { body, isBase64Encoded } = request.event;
      if (body && Buffer.byteLength(body, isBase64Encoded ? 'base64' : 'utf8') > (route.maxBodyBytes ?? config().MAX_BODY_BYTES)) {
        throw new TooLarge(gatewayMessages.payloadTooLarge);
      }
    },
  };
}

/**
 * Parses JSON bodies whatever their content type (clients like `curl -d` omit it) and leaves an
 * empty body undefined, so optional bodies stay optional and required ones fail validation.
 */
function jsonBody(): Middleware {
  const parser = httpJsonBodyParser({ disableContentTypeCheck: true } as Parameters<typeof httpJsonBodyParser>[0]);
  return {
    before: async (request) => {
      if (!request.event.body) {
        request.event.body = null;
        return;
      }
      try {
        await parser.before?.(request as never);
      } catch (cause) {
        throw new InvalidInput('Request body is not valid JSON', { cause });
      }
    },
  };
}

/** Every failure answers in the error shape (`error-response.ts` gives the status); nothing internal leaks from a 500. */
function errorHandler(): Middleware {
  return {
    onError: (request) => {
      const { error } = request;
      const response = errorResponseOf(error);
      if (!(error instanceof DomainError)) logger().error('Unhandled error', { error });
      else if (response.statusCode >= 500) logger().error(error.message, { error });
      else logger().info('Request rejected', { statusCode: response.statusCode, reason: error.message });
      request.response = response;
    },
  };
}
