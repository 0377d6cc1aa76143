import type { APIGatewayProxyResult } from 'aws-lambda';

/** The seed's error body: `{ "success": false, "error": "..." }`. */
export interface ErrorBody {
  success: false;
  error: string;
}

export function json(body: unknown, statusCode = 200, headers: Record<string, string> = {}): APIGatewayProxyResult {
  return {
    statusCode,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(body),
  };
}

export function errorResponse(statusCode: number, error: string, headers: Record<string, string> = {}): APIGatewayProxyResult {
  const body: ErrorBody = { success: false, error };
  return json(body, statusCode, headers);
}

export function text(body: string, contentType: string, headers: Record<string, string> = {}): APIGatewayProxyResult {
  return { statusCode: 200, headers: { 'Content-Type': contentType, ...headers }, body };
}

/** Binary bodies travel base64-encoded through API Gateway (and the local server). */
export function binary(data: Buffer, contentType: string, headers: Record<string, string> = {}): APIGatewayProxyResult {
  return {
    statusCode: 200,
    headers: { 'Content-Type': contentType, ...headers },
    body: data.toString('base64'),
    isBase64Encoded: true,
  };
}

/** Answers for requests that never reach a handler; the cloud API's gateway responses say the same. */
export const gatewayMessages = {
  notFound: 'Route not found',
  unauthorized: 'Unauthorized: missing or invalid credentials',
  forbidden: 'Forbidden',
  authorizerFailure: 'Authorization is unavailable; try again',
  payloadTooLarge: 'Request body is too large',
  throttled: 'Too many requests',
  serverError: 'Internal server error',
} as const;
