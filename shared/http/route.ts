import type { z } from 'zod';
import type { ResourceAccess } from '../resources.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Who may call a route: `none` is public, `jwt` needs a user's bearer token, `admin` a bearer token
 * of an admin, `apiKey` the `x-api-key` header.
 */
export type AuthKind = 'none' | 'jwt' | 'admin' | 'apiKey';

export interface RouteResponse {
  description: string;
  schema?: z.ZodType;
  contentType?: string;
  /** Another type the same status answers (by the request's `Accept`), documented without a schema: media bytes. */
  alsoContentType?: string;
  /** Headers of this answer besides those every answer carries (`x-request-id`, CORS, security). */
  headers?: z.ZodObject;
}

/** A group of routes, shown as one section of the API documentation. */
export interface RouteTag {
  name: string;
  description: string;
}

export interface Route<Body extends z.ZodType = z.ZodType, Query extends z.ZodType = z.ZodType, Params extends z.ZodType = z.ZodType> {
  method: HttpMethod;
  /** The API Gateway resource path; a `{name}` segment is a path parameter, validated by `params`. */
  path: string;
  auth: AuthKind;
  /** Module under `lambdas/` (without extension) whose `handler` export serves the route. */
  handler: string;
  /** AWS access the handler needs; its Lambda is granted exactly this (none when absent). */
  access?: readonly ResourceAccess[];
  summary: string;
  tag: string;
  description?: string;
  body?: Body;
  query?: Query;
  params?: Params;
  /** Request headers the handler reads besides the credentials; documented only, the code that reads one checks it. */
  headers?: z.ZodObject;
  responses: Record<number, RouteResponse>;
  deprecated?: boolean;
  /** Left out of the OpenAPI document: the documentation routes themselves. */
  excludeFromSpec?: boolean;
  /**
   * The largest body the route takes, in place of MAX_BODY_BYTES: for the few routes whose bodies
   * carry media (`media_base64`), so that no other route takes more than the setting.
   */
  maxBodyBytes?: number;
  /** Replaces the strict default Content-Security-Policy (no scripts at all) of the route's HTML answers. */
  contentSecurityPolicy?: string;
}

/** Keeps each route's schema types precise inside the route table. */
export function defineRoute<Body extends z.ZodType = z.ZodType, Query extends z.ZodType = z.ZodType, Params extends z.ZodType = z.ZodType>(
  route: Route<Body, Query, Params>,
): Route<Body, Query, Params> {
  return route;
}
