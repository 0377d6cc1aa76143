import { existsSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { gatewayMessages } from '../../shared/http/responses.ts';
import { routeList } from '../../shared/routes.ts';
import { api } from '../support/http.ts';

describe('the route table and the local router', () => {
  it.each(routeList.map((route) => [route.method, route.path, route] as const))('serve %s %s through its handler', async (method, path, route) => {
    const handlerFile = new URL(`../../lambdas/${route.handler}.ts`, import.meta.url);
    expect(existsSync(handlerFile)).toBe(true);
    expect(typeof (await import(handlerFile.href)).handler).toBe('function');

    const response = await api(path, { method });

    expect(response.status).not.toBe(404);
    expect(response.headers.get('x-request-id')).toBeTruthy();
  });

  it.each(routeList.map((route) => [route.method, route.path] as const))('answer a CORS preflight for %s %s', async (method, path) => {
    const response = await fetch(`${inject('apiUrl')}${path}`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://app.example.com', 'Access-Control-Request-Method': method },
    });

    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-methods')).toContain(method);
    expect(response.headers.get('access-control-allow-headers')).toContain('x-api-key');
  });

  it('answer 404 in the error shape for an unknown path', async () => {
    const response = await api('/no/such/route');

    expect(response.status).toBe(404);
    expect(response.body).toEqual({ success: false, error: `${gatewayMessages.notFound}: GET /no/such/route` });
  });

  it('answer 404 for a known path with a method it does not route', async () => {
    const response = await api('/health', { method: 'DELETE' });

    expect(response.status).toBe(404);
    expect(response.body).toEqual({ success: false, error: `${gatewayMessages.notFound}: DELETE /health` });
  });
});
