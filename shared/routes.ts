import type { Route, RouteTag } from './http/route.ts';
import { authRoutes, authTag } from './routes/auth.ts';
import { docsRoutes } from './routes/docs.ts';
import { messageChangeRoutes } from './routes/message-changes.ts';
import { messageKindRoutes } from './routes/message-kinds.ts';
import { mediaKindRoutes } from './routes/media-kinds.ts';
import { mediaUploadRoutes } from './routes/media-uploads.ts';
import { messageRoutes, messagesTag } from './routes/messages.ts';
import { profileRoutes, profileTag } from './routes/profile.ts';
import { sessionRoutes, sessionsTag } from './routes/sessions.ts';
import { systemRoutes, systemTag } from './routes/system.ts';
import { userRoutes, usersTag } from './routes/users.ts';
import { webhookDeliveryRoutes } from './routes/webhook-deliveries.ts';
import { webhookRoutes, webhooksTag } from './routes/webhooks.ts';

/**
 * Every route of the public API, in one table assembled from one module per area. The CDK app
 * builds API Gateway from it, the local server serves it, and the OpenAPI document is generated
 * from it.
 */
export const routes = {
  ...systemRoutes,
  ...docsRoutes,
  ...authRoutes,
  ...userRoutes,
  ...sessionRoutes,
  ...messageRoutes,
  ...messageKindRoutes,
  ...mediaKindRoutes,
  ...mediaUploadRoutes,
  ...messageChangeRoutes,
  ...profileRoutes,
  ...webhookRoutes,
  ...webhookDeliveryRoutes,
} satisfies Record<string, Route>;

export type RouteName = keyof typeof routes;

export const routeList: readonly Route[] = Object.values(routes);

/** The documented areas, each with what it is for. */
export const routeTags: readonly RouteTag[] = [systemTag, authTag, usersTag, sessionsTag, messagesTag, profileTag, webhooksTag];
