import { defineRoute, type Route } from './http/route.ts';
import { errorBodySchema } from './schemas/common.ts';
import { healthSchema } from './schemas/system.ts';

/**
 * Every route of the public API, in one table. The CDK app builds API Gateway from it, the local
 * server serves it, and the OpenAPI document is generated from it.
 */
export const routes = {
  health: defineRoute({
    method: 'GET',
    path: '/health',
    auth: 'none',
    handler: 'system/health',
    summary: 'Check system health',
    description: 'Process figures and whether DynamoDB, SQS and S3 answer. 503 with status "degraded" when one does not.',
    tag: 'System',
    responses: {
      200: { description: 'System is healthy', schema: healthSchema },
      503: { description: 'A dependency does not answer', schema: healthSchema },
      500: { description: 'Server error', schema: errorBodySchema },
    },
  }),
} satisfies Record<string, Route>;

export type RouteName = keyof typeof routes;

export const routeList: readonly Route[] = Object.values(routes);
