import type { APIGatewayProxyEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { lambdaContext } from '../../infra/local/lambda-events.ts';
import { NotFound, RateLimited } from '../../shared/errors.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { defineRoute } from '../../shared/http/route.ts';
import { json } from '../../shared/http/responses.ts';

const echoRoute = defineRoute({
  method: 'POST',
  path: '/echo',
  auth: 'none',
  handler: 'test/echo',
  summary: 'Echo',
  tag: 'Test',
  body: z.object({ name: z.string().min(1), count: z.number().int().optional() }),
  query: z.object({ mode: z.enum(['plain', 'fail', 'missing', 'busy']).default('plain') }),
  responses: { 200: { description: 'Echo' } },
});

const echo = httpHandler(echoRoute, async ({ body, query }) => {
  if (query.mode === 'fail') throw new Error('connection to db-internal.example:5432 refused for user admin');
  if (query.mode === 'missing') throw new NotFound('Session not found');
  if (query.mode === 'busy') throw new RateLimited('Rate limit exceeded: 20 per minute', 12.2);
  return json({ success: true, name: body.name });
});

function event(body: string | null, query: Record<string, string> | null = null): APIGatewayProxyEvent {
  return {
    resource: '/echo',
    path: '/echo',
    httpMethod: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: 'https://app.example.com' },
    multiValueHeaders: {},
    queryStringParameters: query,
    multiValueQueryStringParameters: null,
    pathParameters: null,
    stageVariables: null,
    body,
    isBase64Encoded: false,
    requestContext: { requestId: 'req-1' } as APIGatewayProxyEvent['requestContext'],
  };
}

const invoke = (body: string | null, query?: Record<string, string>) => echo(event(body, query), lambdaContext('echo'));

describe('the HTTP middleware stack', () => {
  it('parses and validates the body, then runs the handler', async () => {
    const response = await invoke(JSON.stringify({ name: 'Ada' }));

    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ success: true, name: 'Ada' });
    expect(response.headers?.['x-request-id']).toBe('req-1');
  });

  it('answers 400 for malformed JSON', async () => {
    const response = await invoke('{"name": "Ada",');

    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body)).toEqual({ success: false, error: 'Request body is not valid JSON' });
  });

  it('answers 400 naming the invalid field', async () => {
    const response = await invoke(JSON.stringify({ name: 'Ada', count: 1.5 }));

    expect(response.statusCode).toBe(400);
    const body = JSON.parse(response.body);
    expect(body.success).toBe(false);
    expect(body.error).toMatch(/^Invalid body: count: /);
  });

  it('answers 400 for a missing body and for an invalid query', async () => {
    const missing = await invoke(null);
    const badQuery = await invoke(JSON.stringify({ name: 'Ada' }), { mode: 'loud' });

    expect(missing.statusCode).toBe(400);
    expect(JSON.parse(missing.body).error).toBe('Request body is required');
    expect(badQuery.statusCode).toBe(400);
    expect(JSON.parse(badQuery.body).error).toMatch(/^Invalid query: mode: /);
  });

  it('answers 413 for a body over the limit', async () => {
    const response = await invoke(JSON.stringify({ name: 'x'.repeat(1_100_000) }));

    expect(response.statusCode).toBe(413);
    expect(JSON.parse(response.body).success).toBe(false);
  });

  it('maps typed errors to their status, with Retry-After for 429', async () => {
    const missing = await invoke(JSON.stringify({ name: 'Ada' }), { mode: 'missing' });
    const busy = await invoke(JSON.stringify({ name: 'Ada' }), { mode: 'busy' });

    expect(missing.statusCode).toBe(404);
    expect(JSON.parse(missing.body)).toEqual({ success: false, error: 'Session not found' });
    expect(busy.statusCode).toBe(429);
    expect(busy.headers?.['Retry-After']).toBe('13');
  });

  it('answers 500 without leaking the internal error, and keeps CORS headers', async () => {
    const response = await invoke(JSON.stringify({ name: 'Ada' }), { mode: 'fail' });

    expect(response.statusCode).toBe(500);
    expect(JSON.parse(response.body)).toEqual({ success: false, error: 'Internal server error' });
    expect(response.body).not.toContain('db-internal');
    expect(response.headers?.['Access-Control-Allow-Origin']).toBe('*');
    expect(response.headers?.['X-Content-Type-Options']).toBe('nosniff');
  });
});
