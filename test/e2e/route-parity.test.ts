import { beforeAll, describe, expect, it } from 'vitest';
import type { AuthKind, HttpMethod, Route } from '../../shared/http/route.ts';
import { gatewayMessages } from '../../shared/http/responses.ts';
import { routeList } from '../../shared/routes.ts';
import { api } from '../support/http.ts';
import { concretePath } from '../support/routes.ts';
import { bearer, registerUser } from '../support/users.ts';

const methods: HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const apiRoutes = routeList.filter((route) => !route.excludeFromSpec);
const operation = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

/** What the document must require per auth kind, spelled out here rather than taken from the generator. */
const expectedSecurity: Record<AuthKind, unknown> = {
  none: [],
  jwt: [{ jwt: [] }],
  admin: [{ jwt: [] }],
  apiKey: [{ apiKey: [] }],
};

const isGatewayNotFound = (response: { status: number; body: any }) =>
  response.status === 404 && String(response.body?.error).startsWith(gatewayMessages.notFound);

describe('the route table, the local router and the OpenAPI document', () => {
  let spec: any;
  let wrongCredentials: Record<AuthKind, Record<string, string>>;

  beforeAll(async () => {
    spec = (await api('/api-docs/spec')).body;
    const user = await registerUser('parity');
    // Each secured kind offered only the other kind's credential.
    wrongCredentials = { none: {}, jwt: { 'x-api-key': user.apiKey }, admin: { 'x-api-key': user.apiKey }, apiKey: bearer(user.token) };
  });

  it('list the same API routes: the document has exactly the table minus the docs routes', () => {
    const documented = Object.entries(spec.paths).flatMap(([path, item]) =>
      Object.keys(item as object)
        .filter((key) => methods.includes(key.toUpperCase() as HttpMethod))
        .map((method) => operation(method, path)),
    );

    expect(documented.sort()).toEqual(apiRoutes.map((route) => operation(route.method, route.path)).sort());
    expect(Object.keys(spec.paths).filter((path) => path.startsWith('/api-docs'))).toEqual([]);
  });

  it('declare one bearer and one x-api-key scheme', () => {
    expect(spec.components.securitySchemes).toMatchObject({
      jwt: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
      apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' },
    });
  });

  it.each(routeList.map((route) => [route.method, route.path, route] as const))(
    'agree on %s %s: the router serves it with its auth kind, and the document lists it with that security',
    async (method, path, route: Route) => {
      const anonymous = await api(concretePath(route), { method });
      const wrongKind = await api(concretePath(route), { method, headers: wrongCredentials[route.auth] });

      expect(isGatewayNotFound(anonymous)).toBe(false);
      if (route.auth === 'none') {
        expect(anonymous.status).not.toBe(401);
      } else {
        expect(anonymous.status).toBe(401);
        expect(wrongKind.status).toBe(401);
        expect(wrongKind.body).toEqual({ success: false, error: gatewayMessages.unauthorized });
      }
      if (!route.excludeFromSpec) expect(spec.paths[path][method.toLowerCase()].security).toEqual(expectedSecurity[route.auth]);
    },
  );

  it.each([...new Set(routeList.map((route) => route.path))])('route nothing else on %s', async (path) => {
    const routed = routeList.filter((route) => route.path === path);
    const unrouted = methods.filter((method) => !routed.some((route) => route.method === method));
    const [route] = routed as [Route];

    for (const method of unrouted) expect(isGatewayNotFound(await api(concretePath(route), { method })), `${method} ${path}`).toBe(true);
  });
});
