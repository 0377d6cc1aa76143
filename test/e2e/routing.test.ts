import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { AuthKind } from '../../shared/http/route.ts';
import { gatewayMessages } from '../../shared/http/responses.ts';
import { routeList } from '../../shared/routes.ts';
import { api } from '../support/http.ts';
import { concretePath } from '../support/routes.ts';
import { bearer, createAdmin, registerUser } from '../support/users.ts';

describe('the route table and the local router', () => {
  let credentials: Record<AuthKind, Record<string, string>>;

  beforeAll(async () => {
    const admin = await createAdmin();
    // Another user's key: calling /auth/regenerate-api-key as the admin retires the admin's key.
    const keyHolder = await registerUser('key-holder');
    credentials = { none: {}, jwt: bearer(admin.token), admin: bearer(admin.token), apiKey: { 'x-api-key': keyHolder.apiKey } };
  });

  it.each(routeList.map((route) => [route.method, concretePath(route), route] as const))(
    'serve %s %s through its handler',
    async (method, path, route) => {
      const handlerFile = new URL(`../../lambdas/${route.handler}.ts`, import.meta.url);
      expect(existsSync(handlerFile)).toBe(true);
      expect(typeof (await import(handlerFile.href)).handler).toBe('function');

      const response = await api(path, { method, headers: credentials[route.auth] });

      // Past the gateway: neither an unknown route nor a refused credential, and the handler's stack answered
      // (a 404 of the handler's own, for the example id of a resource that does not exist, is not the router's).
      expect(response.body.error ?? '').not.toBe(gatewayMessages.notFound);
      expect(response.status).not.toBe(401);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    },
  );

  it("answer the gateway's own refusals with the request id and CORS headers", async () => {
    const response = await api('/auth/me', { headers: { Origin: 'https://app.example.com' } });

    expect(response.status).toBe(401);
    expect(response.body).toEqual({ success: false, error: gatewayMessages.unauthorized });
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });

  it.each(routeList.map((route) => [route.method, concretePath(route)] as const))(
    'answer a CORS preflight for %s %s',
    async (method, path) => {
      const response = await fetch(`${inject('apiUrl')}${path}`, {
        method: 'OPTIONS',
        headers: { Origin: 'https://app.example.com', 'Access-Control-Request-Method': method },
      });

      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-methods')).toContain(method);
      expect(response.headers.get('access-control-allow-headers')).toContain('x-api-key');
    },
  );

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
