import type { APIGatewayProxyEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { lambdaContext } from '../../infra/local/lambda-events.ts';
import { handler } from '../../lambdas/api-docs/spec.ts';

/** The event API Gateway delivers for GET /api-docs/spec: `requestContext.path` is the path as requested, stage first. */
function specRequest(requested: string, headers: Record<string, string>, domainName?: string): APIGatewayProxyEvent {
  return {
    resource: '/api-docs/spec',
    path: '/api-docs/spec',
    httpMethod: 'GET',
    headers,
    multiValueHeaders: {},
    queryStringParameters: null,
    multiValueQueryStringParameters: null,
    pathParameters: null,
    stageVariables: null,
    body: null,
    isBase64Encoded: false,
    requestContext: {
      requestId: 'req-1',
      path: requested,
      resourcePath: '/api-docs/spec',
      stage: 'prod',
      ...(domainName ? { domainName } : {}),
    } as APIGatewayProxyEvent['requestContext'],
  };
}

async function serverOf(event: APIGatewayProxyEvent): Promise<string> {
  const response = await handler(event, lambdaContext('api-docs/spec'));
  return JSON.parse(response.body).servers[0].url;
}

describe("the OpenAPI document's server", () => {
  it("is the API's base URL behind API Gateway: https, its domain and the stage", async () => {
    const domain = 'abc123.execute-api.eu-west-1.amazonaws.com';

    const url = await serverOf(specRequest('/prod/api-docs/spec', { Host: domain, 'X-Forwarded-Proto': 'https' }, domain));

    expect(url).toBe(`https://${domain}/prod`);
  });

  it('is the host the local server was reached at, over http, with no prefix', async () => {
    expect(await serverOf(specRequest('/api-docs/spec', { Host: '127.0.0.1:5001' }))).toBe('http://127.0.0.1:5001');
  });

  it('is the prefix alone, relative to the document, when the Host header is not a host', async () => {
    expect(await serverOf(specRequest('/prod/api-docs/spec', { Host: 'evil.example/phish?' }))).toBe('/prod');
  });
});
