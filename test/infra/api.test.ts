import { Match, type Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { authorizerCacheSeconds, authorizerFor, authorizers } from '../../shared/http/authorizers.ts';
import { corsAllowedHeaders } from '../../shared/http/cors.ts';
import { gatewayMessages } from '../../shared/http/responses.ts';
import type { HttpMethod } from '../../shared/http/route.ts';
import { routeList } from '../../shared/routes.ts';
import { apiFunctionPolicy, resourcesOf, synthesizeHub } from './support/synthesize-hub.ts';

// Prepare: one synthesis for the whole file.
const { template } = synthesizeHub({ allowedOrigins: 'https://app.example' });

/** Every API Gateway method as `METHOD /path`, with the identity header of its authorizer (if any). */
function methodsOf(synthesized: Template): Map<string, string | undefined> {
  const resources = Object.fromEntries(resourcesOf(synthesized, 'AWS::ApiGateway::Resource').map(({ id, properties }) => [id, properties]));
  const pathOf = (ref: unknown): string => {
    const id = (ref as { Ref?: string }).Ref;
    const resource = id ? resources[id] : undefined;
    return resource ? `${pathOf(resource.ParentId)}/${resource.PathPart}` : '';
  };
  const authorizerHeaders = Object.fromEntries(
    resourcesOf(synthesized, 'AWS::ApiGateway::Authorizer').map(({ id, properties }) => [
      id,
      String(properties.IdentitySource).replace('method.request.header.', ''),
    ]),
  );
  const methods = new Map<string, string | undefined>();
  for (const { properties } of resourcesOf(synthesized, 'AWS::ApiGateway::Method')) {
    if (properties.HttpMethod === 'OPTIONS') continue;
    methods.set(`${properties.HttpMethod} ${pathOf(properties.ResourceId) || '/'}`, authorizerHeaders[properties.AuthorizerId?.Ref]);
  }
  return methods;
}

describe('API routes', () => {
  it("has exactly the route table's methods, each behind the authorizer its auth kind calls for", () => {
    const methods = methodsOf(template);
    const expected = new Map(
      routeList.map((route) => {
        const authorizer = authorizerFor(route.auth);
        return [`${route.method} ${route.path}`, authorizer && authorizers[authorizer].identityHeader];
      }),
    );
    expect(methods).toEqual(expected);
  });

  it('gives every route its own Node 24 ARM64 Lambda running its handler module', () => {
    const handlers = new Set([
      ...routeList.map((route) => route.handler),
      ...Object.values(authorizers).map((authorizer) => authorizer.handler),
    ]);
    const functions = resourcesOf(template, 'AWS::Lambda::Function').filter((fn) => fn.properties.Environment?.Variables?.TABLE_NAME);
    const apiFunctions = functions.filter((fn) => fn.id.startsWith('Api'));
    expect(apiFunctions).toHaveLength(handlers.size);
    for (const { properties } of apiFunctions) {
      expect(properties).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'], Handler: 'index.handler' });
    }
  });

  it('uses REQUEST authorizers on their identity header with a short cache', () => {
    for (const authorizer of Object.values(authorizers)) {
      template.hasResourceProperties('AWS::ApiGateway::Authorizer', {
        Type: 'REQUEST',
        IdentitySource: `method.request.header.${authorizer.identityHeader}`,
        AuthorizerResultTtlInSeconds: authorizerCacheSeconds,
      });
    }
  });

  it('grants each route exactly its declared access', () => {
    // Functions of the same access share a role: a handler's grants are its role's policy.
    const actionsOf = (handler: string) => JSON.stringify(apiFunctionPolicy(template, handler)?.properties.PolicyDocument ?? {});
    expect(actionsOf('session/list')).toContain('dynamodb:Query');
    expect(actionsOf('session/list')).not.toContain('dynamodb:PutItem');
    expect(actionsOf('session/list')).not.toContain('secretsmanager:GetSecretValue');
    expect(actionsOf('session/start')).toContain('sqs:SendMessage');
    expect(actionsOf('auth/login')).toContain('secretsmanager:GetSecretValue');
    expect(actionsOf('session/logout')).toContain('s3:DeleteObject');
    expect(actionsOf('system/health')).toContain('dynamodb:GetItem');
    expect(actionsOf('system/health')).toContain('kms:Decrypt');
    expect(actionsOf('api-docs/spec')).not.toMatch(/dynamodb|sqs:|secretsmanager|s3:/);
    const roles = resourcesOf(template, 'AWS::IAM::Role').filter(({ id }) => id.startsWith('ApiRole'));
    expect(roles.length).toBeLessThan(resourcesOf(template, 'AWS::Lambda::Function').length / 2);
  });
});

describe('API behaviour', () => {
  it("answers gateway errors in the service's shape, with CORS and the request id", () => {
    const expected = [
      ['UNAUTHORIZED', '401', gatewayMessages.unauthorized],
      ['ACCESS_DENIED', '403', gatewayMessages.forbidden],
      ['MISSING_AUTHENTICATION_TOKEN', '404', gatewayMessages.notFound],
      ['REQUEST_TOO_LARGE', '413', gatewayMessages.payloadTooLarge],
      ['THROTTLED', '429', gatewayMessages.throttled],
      ['DEFAULT_5XX', undefined, gatewayMessages.serverError],
    ] as const;
    for (const [type, statusCode, message] of expected) {
      template.hasResourceProperties('AWS::ApiGateway::GatewayResponse', {
        ResponseType: type,
        StatusCode: statusCode ?? Match.absent(),
        ResponseTemplates: { 'application/json': JSON.stringify({ success: false, error: message }) },
        ResponseParameters: Match.objectLike({
          'gatewayresponse.header.Access-Control-Allow-Origin': "'https://app.example'",
          'gatewayresponse.header.x-request-id': 'context.requestId',
        }),
      });
    }
  });

  it('serves images as binary, throttles the stage, logs access and errors', () => {
    template.hasResourceProperties('AWS::ApiGateway::RestApi', { BinaryMediaTypes: ['image/*'] });
    template.hasResourceProperties('AWS::ApiGateway::Stage', {
      AccessLogSetting: Match.objectLike({ DestinationArn: Match.anyValue() }),
      MethodSettings: [Match.objectLike({ ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200, LoggingLevel: 'ERROR' })],
    });
  });

  it('answers CORS preflights for the configured origin and headers, and every method of the route table (PATCH too)', () => {
    const preflights = resourcesOf(template, 'AWS::ApiGateway::Method').filter(({ properties }) => properties.HttpMethod === 'OPTIONS');
    expect(preflights.length).toBeGreaterThan(0);
    const headers = preflights[0]?.properties.Integration.IntegrationResponses[0].ResponseParameters;
    expect(headers['method.response.header.Access-Control-Allow-Origin']).toBe("'https://app.example'");
    expect(headers['method.response.header.Access-Control-Allow-Headers']).toBe(`'${corsAllowedHeaders.join(',')}'`);
    const allowedMethods = String(headers['method.response.header.Access-Control-Allow-Methods']).replaceAll("'", '').split(',');
    // Every HttpMethod, checked by the compiler: a method added there must be listed here.
    const everyMethod = Object.keys({ GET: 0, POST: 0, PUT: 0, PATCH: 0, DELETE: 0 } satisfies Record<HttpMethod, 0>);
    expect(allowedMethods).toEqual(expect.arrayContaining(everyMethod));
  });

  it('puts a WAF web ACL with a per-IP rate rule on the stage', () => {
    template.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'REGIONAL',
      Rules: Match.arrayWith([Match.objectLike({ Statement: { RateBasedStatement: { Limit: 2000, AggregateKeyType: 'IP' } } })]),
    });
    template.resourceCountIs('AWS::WAFv2::WebACLAssociation', 1);
  });

  it('serves /api-docs/ui/{asset} as a path parameter', () => {
    template.hasResourceProperties('AWS::ApiGateway::Resource', { PathPart: '{asset}' });
  });
});
