import type { APIGatewayProxyEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { lambdaContext } from '../../infra/local/lambda-events.ts';
import * as errors from '../../shared/errors.ts';
import {
  AlreadyExists,
  Conflict,
  DomainError,
  Forbidden,
  InvalidInput,
  NotFound,
  RateLimited,
  Timeout,
  TooLarge,
  Unauthorized,
  Unavailable,
  UpstreamFailed,
} from '../../shared/errors.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { defineRoute } from '../../shared/http/route.ts';

const failingRoute = defineRoute({
  method: 'GET',
  path: '/fail',
  auth: 'none',
  handler: 'test/fail',
  summary: 'Fail',
  tag: 'Test',
  responses: {},
});

/** Answers a request by throwing `error` from its handler, through the whole middleware stack. */
async function answerTo(error: unknown) {
  const handler = httpHandler(failingRoute, async () => {
    throw error;
  });
  const event = {
    resource: '/fail',
    path: '/fail',
    httpMethod: 'GET',
    headers: {},
    multiValueHeaders: {},
    queryStringParameters: null,
    multiValueQueryStringParameters: null,
    pathParameters: null,
    stageVariables: null,
    body: null,
    isBase64Encoded: false,
    requestContext: { requestId: 'req-1' } as APIGatewayProxyEvent['requestContext'],
  } satisfies APIGatewayProxyEvent;
  return handler(event, lambdaContext('fail'));
}

const cases: { error: DomainError; status: number; retryAfter?: string }[] = [
  { error: new InvalidInput('Session does not exist'), status: 400 },
  { error: new AlreadyExists('Session already exists'), status: 400 },
  { error: new Unauthorized('Invalid or expired refresh token'), status: 401 },
  { error: new Forbidden('Current password is incorrect'), status: 403 },
  { error: new NotFound('Session not found'), status: 404 },
  { error: new Conflict('This Idempotency-Key was already used with a different request'), status: 409 },
  { error: new TooLarge('Request body is too large'), status: 413 },
  { error: new RateLimited('Rate limit exceeded: 20 messages per minute per session', 41.2), status: 429, retryAfter: '42' },
  { error: new UpstreamFailed('Could not start the session: logged out'), status: 502 },
  { error: new Unavailable('Too many concurrent sends; try again'), status: 503 },
  { error: new Timeout('The connector did not answer the lookup in time; try again'), status: 504 },
];

describe('domain errors as HTTP answers', () => {
  it.each(cases.map((entry) => ({ ...entry, name: entry.error.name })))(
    'answers $name with $status, its message in the error shape, and Retry-After only when rate limited',
    async ({ error, status, retryAfter }) => {
      const response = await answerTo(error);

      expect(response.statusCode).toBe(status);
      expect(JSON.parse(response.body)).toEqual({ success: false, error: error.message });
      expect(response.headers?.['Retry-After']).toBe(retryAfter);
      expect(response.headers?.['x-request-id']).toBe('req-1');
    },
  );

  it('has an answer above for every domain error there is', () => {
    const domainErrors = Object.values(errors).filter((value) => typeof value === 'function' && value.prototype instanceof DomainError);

    expect(new Set(cases.map(({ error }) => error.constructor))).toEqual(new Set(domainErrors));
  });

  it('rounds Retry-After up to whole seconds, never below one', async () => {
    const soon = await answerTo(new RateLimited('Too many password attempts for this email; try again later', 0.2));

    expect(soon.headers?.['Retry-After']).toBe('1');
    expect(new RateLimited('Rate limit exceeded', 0).retryAfterSeconds).toBe(1);
  });

  it('answers any other error with a 500 that says nothing of it', async () => {
    const response = await answerTo(new Error('ConditionalCheckFailedException on USER#7'));

    expect(response.statusCode).toBe(500);
    expect(JSON.parse(response.body)).toEqual({ success: false, error: 'Internal server error' });
  });
});
