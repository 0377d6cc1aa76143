import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { APIGatewayAuthorizerResult, APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import type { Caller } from '../auth/authenticate.ts';
import { Unauthorized } from '../errors.ts';
import { logger } from '../logger.ts';
import { unauthorizedSignal } from './authorizers.ts';

/**
 * Builds a REQUEST authorizer from an authentication function over one header. The policy allows
 * the whole API (not just the method asked for) because API Gateway caches it per identity.
 */
export function requestAuthorizer(header: string, authenticate: (value: string) => Promise<Caller>) {
  return middy<APIGatewayRequestAuthorizerEvent, APIGatewayAuthorizerResult>()
    .use(injectLambdaContext(logger(), { resetKeys: true }))
    .handler(async (event) => {
      const value = headerValue(event.headers, header);
      if (!value) throw new Error(unauthorizedSignal);
      let caller: Caller;
      try {
        caller = await authenticate(value);
      } catch (error) {
        if (error instanceof Unauthorized) {
          logger().info('Authorization refused', { reason: error.message, path: event.path });
          throw new Error(unauthorizedSignal, { cause: error });
        }
        throw error;
      }
      return {
        principalId: String(caller.userId),
        policyDocument: {
          Version: '2012-10-17',
          Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: wholeApi(event.methodArn) }],
        },
        context: { userId: String(caller.userId), role: caller.role },
      };
    });
}

/** Reads the caller the authorizer established from a proxy event's request context. */
export function callerOf(authorizer: Record<string, unknown> | null | undefined): Caller | undefined {
  const userId = Number(authorizer?.userId);
  const role = authorizer?.role;
  if (!Number.isInteger(userId) || (role !== 'user' && role !== 'admin')) return undefined;
  return { userId, role };
}

function headerValue(headers: Record<string, string | undefined> | null, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers ?? {})) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

/** `arn:aws:execute-api:region:account:api/stage/METHOD/path` → `…:api/stage/*`. */
function wholeApi(methodArn: string): string {
  const [prefix, apiId, stage] = methodArn.split('/');
  return `${prefix}/${apiId}/${stage}/*`;
}
