import { defineRoute, type RouteTag } from '../http/route.ts';
import { healthSchema } from '../schemas/system.ts';
import { errors } from './responses.ts';

export const systemTag: RouteTag = { name: 'System', description: 'Whether the service and the AWS services it depends on answer.' };

export const systemRoutes = {
  health: defineRoute({
    method: 'GET',
    path: '/health',
    auth: 'none',
    handler: 'system/health',
    access: ['health:probe'],
    summary: 'Check system health',
    description: 'Process figures and whether DynamoDB, SQS and S3 answer. 503 with status "degraded" when one does not.',
    tag: systemTag.name,
    responses: {
      200: { description: 'System is healthy', schema: healthSchema },
      503: { description: 'A dependency does not answer', schema: healthSchema },
      ...errors(500),
    },
  }),
};
