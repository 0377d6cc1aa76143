import type { APIGatewayProxyEvent } from 'aws-lambda';

const hostPattern = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * The API's base URL as the caller reached it, e.g. `https://abc123.execute-api.eu-west-1.amazonaws.com/prod`
 * or `http://localhost:5001`: scheme, host, and whatever stood before the route's own path (API
 * Gateway's stage, or a custom domain's base path). Without a usable host it is that prefix alone,
 * relative to the document's origin.
 */
export function apiBaseUrl(event: APIGatewayProxyEvent): string {
  const { domainName, path: requested = event.path, resourcePath = event.resource } = event.requestContext;
  const prefix = requested.endsWith(resourcePath) ? requested.slice(0, requested.length - resourcePath.length) : '';
  const host = domainName ?? event.headers.host;
  if (!host || !hostPattern.test(host)) return prefix || '/';
  // API Gateway sets X-Forwarded-Proto (always https); the local server is plain http unless a proxy says otherwise.
  const scheme = event.headers['x-forwarded-proto'] === 'https' ? 'https' : 'http';
  return `${scheme}://${host}${prefix}`;
}
