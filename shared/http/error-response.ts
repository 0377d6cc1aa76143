import type { APIGatewayProxyResult } from 'aws-lambda';
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
} from '../errors.ts';
import { errorResponse, gatewayMessages } from './responses.ts';

/** The HTTP status of each domain error: the only place the service's errors meet status codes. */
const statuses: ReadonlyArray<readonly [abstract new (...args: never[]) => DomainError, number]> = [
  [InvalidInput, 400],
  // The API reference answers a taken session name, phone number or email with 400, not 409.
  [AlreadyExists, 400],
  [Unauthorized, 401],
  [Forbidden, 403],
  [NotFound, 404],
  [Conflict, 409],
  [TooLarge, 413],
  [RateLimited, 429],
  [UpstreamFailed, 502],
  [Unavailable, 503],
  [Timeout, 504],
];

/**
 * The answer to a request that failed with `error`: a domain error's status and message (and
 * Retry-After when rate limited); anything else a 500 that says nothing of what happened inside.
 */
export function errorResponseOf(error: unknown): APIGatewayProxyResult {
  if (error instanceof DomainError) {
    const statusCode = statuses.find(([type]) => error instanceof type)?.[1];
    const headers = error instanceof RateLimited ? { 'Retry-After': String(error.retryAfterSeconds) } : undefined;
    if (statusCode !== undefined) return errorResponse(statusCode, error.message, headers);
  }
  return errorResponse(500, gatewayMessages.serverError);
}
