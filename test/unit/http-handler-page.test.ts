import type { APIGatewayProxyEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { lambdaContext } from '../../infra/local/lambda-events.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { defineRoute } from '../../shared/http/route.ts';
import { text } from '../../shared/http/responses.ts';

const pageRoute = (contentSecurityPolicy?: string) =>
  defineRoute({
    method: 'GET',
    path: '/page/{name}',
    auth: 'none',
    handler: 'test/page',
    summary: 'Page',
    tag: 'Test',
    params: z.object({ name: z.enum(['home']) }),
    responses: { 200: { description: 'A page', contentType: 'text/html' } },
    ...(contentSecurityPolicy ? { contentSecurityPolicy } : {}),
  });

function get(route: ReturnType<typeof pageRoute>, name: string) {
  const handler = httpHandler(route, async ({ params }) => text(`<h1>${params.name}</h1>`, 'text/html; charset=utf-8'));
  const event = {
    resource: route.path,
    path: `/page/${name}`,
    httpMethod: 'GET',
    headers: {},
    multiValueHeaders: {},
    queryStringParameters: null,
    multiValueQueryStringParameters: null,
    pathParameters: { name },
    stageVariables: null,
    body: null,
    isBase64Encoded: false,
    requestContext: { requestId: 'req-1' } as APIGatewayProxyEvent['requestContext'],
  } satisfies APIGatewayProxyEvent;
  return handler(event, lambdaContext('page'));
}

describe('Content-Security-Policy and path parameters in the HTTP middleware stack', () => {
  it('gives HTML the strict default policy, which runs no script', async () => {
    const response = await get(pageRoute(), 'home');

    expect(response.statusCode).toBe(200);
    expect(response.headers?.['Content-Security-Policy']).toContain("default-src 'none'");
    expect(response.headers?.['Content-Security-Policy']).toContain('sandbox');
  });

  it("replaces it with the route's own policy, for that route only", async () => {
    const response = await get(pageRoute("default-src 'none'; script-src 'self'"), 'home');

    expect(response.headers?.['Content-Security-Policy']).toBe("default-src 'none'; script-src 'self'");
    expect(response.headers?.['X-Frame-Options']).toBe('DENY');
  });

  it('passes validated path parameters to the handler and answers 404 for any other value', async () => {
    const found = await get(pageRoute(), 'home');
    const missing = await get(pageRoute(), '..%2Fsecrets.json');

    expect(found.body).toBe('<h1>home</h1>');
    expect(missing.statusCode).toBe(404);
    expect(JSON.parse(missing.body)).toEqual({ success: false, error: 'Not found: /page/..%2Fsecrets.json' });
    expect(missing.headers?.['Content-Security-Policy']).toBeUndefined();
  });
});
