import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, inject, it } from 'vitest';
import { seedExamples, type OperationExample } from '../../shared/api-docs/examples.ts';
import { openApiDocument, successStatus } from '../../shared/api-docs/openapi.ts';
import type { Route } from '../../shared/http/route.ts';
import { routes } from '../../shared/routes.ts';
import { api } from '../support/http.ts';

const swaggerUiDist = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

describe('GET /api-docs/spec', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const response = await api('/api-docs/spec');
    const validator = new Validator();

    const result = await validator.validate(response.body);

    expect(response.status).toBe(200);
    expect(result).toEqual({ valid: true });
    expect(validator.version).toBe('3.1');
  });

  it('fails the same validator once broken, so the check above can fail', async () => {
    const { body: spec } = await api('/api-docs/spec');
    spec.components.securitySchemes.apiKey.in = 'body';

    const result = await new Validator().validate(spec);

    expect(result.valid).toBe(false);
  });

  it.each(Object.entries(seedExamples) as [keyof typeof routes, OperationExample][])(
    "carries the API reference's examples for %s, and they match the route's schemas",
    async (name, example) => {
      const route: Route = routes[name];
      const { body: spec } = await api('/api-docs/spec');
      const operation = spec.paths[route.path][route.method.toLowerCase()];
      const success = successStatus(route) ?? '200';

      expect(operation.operationId).toBe(name);
      expect(operation.requestBody?.content['application/json'].example).toEqual(example.alternatives ? undefined : example.request);
      expect(operation.responses[success].content['application/json'].example).toEqual(example.response);
      if (example.request !== undefined) expect(route.body?.safeParse(example.request).error).toBeUndefined();
      expect(route.responses[Number(success)]?.schema?.safeParse(example.response).error).toBeUndefined();
    },
  );

  it.each(
    Object.entries(seedExamples).filter(([, example]) => example.alternatives !== undefined) as [keyof typeof routes, OperationExample][],
  )('lists the example of %s first among its named examples, each matching its schema, for Swagger UI to offer', async (name, example) => {
    const route: Route = routes[name];
    const { body: spec } = await api('/api-docs/spec');
    const alternatives = Object.entries(example.alternatives ?? {});

    const { examples } = spec.paths[route.path][route.method.toLowerCase()].requestBody.content['application/json'];

    expect(Object.entries(examples)).toEqual([
      ['main', { summary: example.summary, value: example.request }],
      ...alternatives.map(([key, { summary, request }]) => [key, { summary, value: request }]),
    ]);
    for (const [key, { request }] of alternatives) expect(route.body?.safeParse(request).error, key).toBeUndefined();
  });

  it('answers every error in the one error shape, 401 where credentials are needed and 403 for admin routes', async () => {
    const { body: spec } = await api('/api-docs/spec');
    const operations = Object.values(spec.paths).flatMap((item: any) => Object.values(item)) as any[];

    expect(spec.components.schemas.ErrorBody.required).toEqual(['success', 'error']);
    for (const operation of operations) {
      const errors = Object.entries(operation.responses).filter(([status]) => Number(status) >= 400 && status !== '503');
      expect(errors.length, operation.operationId).toBeGreaterThan(0);
      for (const [, response] of errors)
        expect((response as any).content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ErrorBody' });
      if (operation.security.length > 0) expect(Object.keys(operation.responses), operation.operationId).toContain('401');
    }
    expect(Object.keys(spec.paths['/user/admin/users'].get.responses)).toContain('403');
  });

  it('groups operations by tag and marks deprecated ones', async () => {
    const { body: spec } = await api('/api-docs/spec');
    const tags = new Set(
      Object.values(routes)
        .filter((route: Route) => !route.excludeFromSpec)
        .map((route: Route) => route.tag),
    );
    const deprecated = Object.values(routes).filter((route: Route) => route.deprecated);

    expect(spec.tags.map((tag: { name: string }) => tag.name)).toEqual([...tags]);
    expect(spec.paths['/auth/me'].get.tags).toEqual(['Authentication']);
    for (const route of deprecated) expect(spec.paths[route.path][route.method.toLowerCase()].deprecated).toBe(true);
  });

  it('is generated once per process', () => {
    expect(openApiDocument()).toBe(openApiDocument());
  });
});

describe('GET /api-docs/ui', () => {
  it("answers Swagger UI's page with a policy that runs only its own scripts", async () => {
    const response = await api('/api-docs/ui');
    const policy = response.headers.get('content-security-policy') ?? '';

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).not.toMatch(/unsafe-|https?:|\*/);
    expect(response.body).toContain('<script src="ui/swagger-ui-bundle.js">');
    expect(response.body).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it('has its initializer point at the spec, keep authorizations and call no validator', async () => {
    const response = await api('/api-docs/ui/swagger-initializer.js');

    expect(response.status).toBe(200);
    expect(response.body).toContain("url: 'spec'");
    expect(response.body).toContain('persistAuthorization: true');
    expect(response.body).toContain('validatorUrl: null');
  });
});

describe('GET /api-docs/ui/{asset}', () => {
  it.each([
    ['swagger-ui.css', 'text/css; charset=utf-8'],
    ['swagger-ui-bundle.js', 'text/javascript; charset=utf-8'],
    ['favicon-32x32.png', 'image/png'],
  ])('serves %s from swagger-ui-dist as %s, cacheable', async (asset, contentType) => {
    const response = await fetch(`${inject('apiUrl')}/api-docs/ui/${asset}`);
    const body = Buffer.from(await response.arrayBuffer());

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(contentType);
    expect(response.headers.get('cache-control')).toBe('public, max-age=3600');
    expect(response.headers.get('etag')).toMatch(/^"[\w-]{43}"$/);
    expect(body.equals(readFileSync(join(swaggerUiDist, asset)))).toBe(true);
  });

  it('answers 304 without a body when the ETag is current', async () => {
    const first = await fetch(`${inject('apiUrl')}/api-docs/ui/swagger-ui.css`);
    const etag = first.headers.get('etag') ?? '';

    const again = await fetch(`${inject('apiUrl')}/api-docs/ui/swagger-ui.css`, { headers: { 'If-None-Match': etag } });

    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(await again.text()).toBe('');
  });

  it.each([
    '/api-docs/ui/index.html',
    '/api-docs/ui/swagger-ui.js.map',
    '/api-docs/ui/..%2Fspec',
    '/api-docs/ui/%2e%2e%2f%2e%2e%2fpackage.json',
    '/api-docs/ui/../../package.json',
    '/api-docs/ui/swagger-ui.css/',
    '/api-docs/ui/',
  ])('answers 404 in the error shape for %s', async (path) => {
    const response = await rawGet(path);

    expect(response.status).toBe(404);
    expect(JSON.parse(response.body)).toMatchObject({ success: false });
  });
});

/** A GET sent with the path exactly as written (fetch would resolve the dot segments first). */
function rawGet(path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(inject('apiUrl'));
  return new Promise((resolve, reject) => {
    request({ host: hostname === 'localhost' ? '127.0.0.1' : hostname, port, path, method: 'GET' }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}
