import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type {
  APIGatewayAuthorizerResult,
  APIGatewayProxyEvent,
  APIGatewayProxyResult,
  APIGatewayRequestAuthorizerEvent,
  Context,
} from 'aws-lambda';
import { authorizerFor, authorizers, unauthorizedSignal } from '../../shared/http/authorizers.ts';
import { corsAllowedHeaders, corsExposedHeaders, corsMaxAgeSeconds, corsOrigins } from '../../shared/http/cors.ts';
import { REQUEST_LINE_AND_HEADERS_MAX_BYTES } from '../../shared/http/request-limits.ts';
import { errorResponse, gatewayMessages } from '../../shared/http/responses.ts';
import type { Route } from '../../shared/http/route.ts';
import type { ConsoleFiles } from './console-files.ts';
import { authorizerEvent, lambdaContext, proxyEvent } from './lambda-events.ts';
import { matchResource } from './resource-match.ts';

type ProxyHandler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;
type AuthorizerHandler = (event: APIGatewayRequestAuthorizerEvent, context: Context) => Promise<APIGatewayAuthorizerResult>;
type LoadHandler = <T>(module: string) => Promise<T>;

interface ServeOptions {
  routes: readonly Route[];
  maxBodyBytes: number;
  /** The web console's files, answered on paths no route has. */
  consoleFiles?: ConsoleFiles;
}

export interface ApiServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the route table the way API Gateway does in the cloud: unknown routes and oversized
 * request lines, headers (API Gateway's limit) and bodies answer before any handler runs, CORS
 * preflights are answered for known paths, and every other request becomes a REST proxy event for
 * the route's Lambda handler, loaded once (warm). Paths no route has may be the web console's files,
 * as CloudFront puts the console and the API on one origin in the cloud.
 */
export async function startApiServer(options: ServeOptions & { port: number; host?: string }): Promise<ApiServer> {
  const handlers = new Map<string, Promise<unknown>>();
  const loadHandler: LoadHandler = <T>(module: string) => {
    let handler = handlers.get(module);
    if (!handler) {
      handler = import(new URL(`../../lambdas/${module}.ts`, import.meta.url).href).then((loaded: { handler: unknown }) => loaded.handler);
      handlers.set(module, handler);
    }
    return handler as Promise<T>;
  };

  const server = createServer({ maxHeaderSize: REQUEST_LINE_AND_HEADERS_MAX_BYTES }, (request, response) => {
    serve(request, response, options, loadHandler).catch((error: unknown) => {
      console.error('Local API failed to answer a request', error);
      if (!response.headersSent) send(response, errorResponse(500, gatewayMessages.serverError));
      else response.destroy();
    });
  });
  server.on('clientError', answerUnparsed);
  const host = options.host ?? '127.0.0.1';
  await listen(server, options.port, host);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://${host === '127.0.0.1' ? 'localhost' : host}:${port}`,
    close: () => close(server),
  };
}

async function serve(request: IncomingMessage, response: ServerResponse, options: ServeOptions, loadHandler: LoadHandler): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const method = request.method ?? 'GET';
  const requestId = randomUUID();
  const reject = (statusCode: number, message: string) => gatewayResponse(statusCode, message, requestId, request.headers.origin);
  const resource = matchResource(options.routes, url.pathname) ?? { routes: [], pathParameters: null };

  if (method === 'OPTIONS' && resource.routes.length > 0) {
    request.resume();
    return send(response, preflight(resource.routes, request.headers.origin));
  }
  if (resource.routes.length === 0 && (await options.consoleFiles?.(request, response, url.pathname))) return;
  const route = resource.routes.find((candidate) => candidate.method === method);
  if (!route) {
    request.resume();
    return send(response, reject(404, `${gatewayMessages.notFound}: ${method} ${url.pathname}`));
  }
  const body = await readBody(request, route.maxBodyBytes ?? options.maxBodyBytes);
  if (body === undefined) return send(response, reject(413, gatewayMessages.payloadTooLarge), true);

  const event = proxyEvent(request, url, route, body, requestId, resource.pathParameters);
  const authorizer = authorizerFor(route.auth);
  if (authorizer) {
    const verdict = await authorize(authorizers[authorizer].handler, event, loadHandler);
    if ('rejection' in verdict) return send(response, reject(verdict.rejection.statusCode, verdict.rejection.message));
    event.requestContext.authorizer = verdict.context;
  }
  const handler = await loadHandler<ProxyHandler>(route.handler);
  send(response, await handler(event, lambdaContext(route.handler)));
}

const headersTooLargeBody = errorResponse(
  431,
  `Request line and headers are larger than ${REQUEST_LINE_AND_HEADERS_MAX_BYTES.toLocaleString('en-US')} bytes`,
).body;
const headersTooLarge = [
  'HTTP/1.1 431 Request Header Fields Too Large',
  'Content-Type: application/json; charset=utf-8',
  `Content-Length: ${Buffer.byteLength(headersTooLargeBody)}`,
  'Connection: close',
  '',
  headersTooLargeBody,
].join('\r\n');

/** Node's own answers to the other requests it cannot take. */
const unparsedAnswers: Readonly<Record<string, string>> = {
  HPE_HEADER_OVERFLOW: headersTooLarge,
  ERR_HTTP_REQUEST_TIMEOUT: 'HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n',
};

/**
 * A request Node could not parse has no response object, so the answer is written to the socket:
 * too long a request line and headers is 431 in the error shape; the rest as Node answers them.
 */
function answerUnparsed(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
  socket.end(unparsedAnswers[error.code ?? ''] ?? 'HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
}

/** An answer API Gateway gives itself (no handler ran): the error shape, the request id and CORS, as the cloud's gateway responses. */
function gatewayResponse(statusCode: number, message: string, requestId: string, origin: string | undefined): APIGatewayProxyResult {
  return errorResponse(statusCode, message, {
    'x-request-id': requestId,
    'Access-Control-Allow-Origin': allowedOrigin(origin),
    'Access-Control-Expose-Headers': corsExposedHeaders.join(','),
  });
}

/** Runs a REQUEST authorizer and answers as API Gateway does: 401, 403 on Deny, 500 when it fails. */
async function authorize(
  module: string,
  event: APIGatewayProxyEvent,
  loadHandler: LoadHandler,
): Promise<{ context: Record<string, unknown> } | { rejection: { statusCode: number; message: string } }> {
  const authorizer = await loadHandler<AuthorizerHandler>(module);
  let result: APIGatewayAuthorizerResult;
  try {
    result = await authorizer(authorizerEvent(event), lambdaContext(module));
  } catch (error) {
    if (error instanceof Error && error.message === unauthorizedSignal)
      return { rejection: { statusCode: 401, message: gatewayMessages.unauthorized } };
    console.error('Local API: authorizer failed', error);
    return { rejection: { statusCode: 500, message: gatewayMessages.authorizerFailure } };
  }
  const allowed = result.policyDocument.Statement.every((statement) => statement.Effect === 'Allow');
  if (!allowed) return { rejection: { statusCode: 403, message: gatewayMessages.forbidden } };
  return { context: { ...result.context, principalId: result.principalId } };
}

/** API Gateway's mock preflight integration, answered for a path that has routes. */
function preflight(routes: Route[], origin: string | undefined): APIGatewayProxyResult {
  return {
    statusCode: 204,
    headers: {
      'Access-Control-Allow-Origin': allowedOrigin(origin),
      'Access-Control-Allow-Methods': [...routes.map((route) => route.method), 'OPTIONS'].join(','),
      'Access-Control-Allow-Headers': corsAllowedHeaders.join(','),
      'Access-Control-Max-Age': String(corsMaxAgeSeconds),
      Vary: 'Origin',
    },
    body: '',
  };
}

function allowedOrigin(origin: string | undefined): string {
  const origins = corsOrigins();
  if (origins.includes('*')) return '*';
  return origin && origins.includes(origin) ? origin : (origins[0] ?? '');
}

/** The body as text, or undefined once it passes `limit` bytes (the rest is not read). */
function readBody(request: IncomingMessage, limit: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.removeAllListeners('data');
        request.pause();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, result: APIGatewayProxyResult, closeConnection = false): void {
  const headers: Record<string, string | string[]> = {};
  // A Lambda's result is serialized as JSON, so headers set to undefined never reach the client.
  for (const [name, value] of Object.entries(result.headers ?? {})) if (value !== undefined) headers[name] = String(value);
  for (const [name, values] of Object.entries(result.multiValueHeaders ?? {})) headers[name] = values.map(String);
  if (closeConnection) headers.Connection = 'close';
  const body = result.isBase64Encoded ? Buffer.from(result.body, 'base64') : result.body;
  response.writeHead(result.statusCode, headers);
  response.end(body);
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.removeListener('error', reject);
      resolve();
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
