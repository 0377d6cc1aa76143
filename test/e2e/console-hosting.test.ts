import { request } from 'node:http';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startApiServer, type ApiServer } from '../../infra/local/api-server.ts';
import { consoleFiles } from '../../infra/local/console-files.ts';
import { consoleCacheControl, consoleContentSecurityPolicy, consoleSecurityHeaders } from '../../shared/console/headers.ts';
import { gatewayMessages } from '../../shared/http/responses.ts';
import { routeList } from '../../shared/routes.ts';
import { api } from '../support/http.ts';
import { registerUser, type TestUser } from '../support/users.ts';
import { fixtureConsoleDist } from '../infra/support/synthesize-hub.ts';

const mediaOrigin = 'http://127.0.0.1:4569';

/** A request sent with its path exactly as written (fetch would resolve `..` before sending). */
function rawGet(baseUrl: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    request({ hostname: hostname === 'localhost' ? '127.0.0.1' : hostname, port, path }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
    })
      .on('error', reject)
      .end();
  });
}

describe('the local API server with a console build', () => {
  let server: ApiServer;

  beforeAll(async () => {
    server = await startApiServer({
      routes: routeList,
      port: 0,
      maxBodyBytes: 1_048_576,
      consoleFiles: consoleFiles({ distDir: fixtureConsoleDist(), mediaOrigin }),
    });
  });
  afterAll(() => server?.close());

  it("serves index.html at / with the console's policy and security headers, revalidated on every load", async () => {
    const response = await fetch(`${server.url}/`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('<title>Console</title>');
    expect(response.headers.get('content-security-policy')).toBe(consoleContentSecurityPolicy(mediaOrigin));
    for (const [name, value] of Object.entries(consoleSecurityHeaders)) expect(response.headers.get(name), name).toBe(value);
    expect(response.headers.get('cache-control')).toBe(consoleCacheControl.document);
    // Plain http locally: HSTS is the cloud's.
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });

  it('serves the hashed assets with their type, kept a year, and answers HEAD without a body', async () => {
    const asset = await fetch(`${server.url}/assets/app-1a2b3c.js`);
    const head = await fetch(`${server.url}/index.html`, { method: 'HEAD' });

    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('cache-control')).toBe(consoleCacheControl.asset);
    expect(await asset.text()).toContain('document.title');
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('content-length'))).toBeGreaterThan(0);
    expect(await head.text()).toBe('');
  });

  it.each([
    '/../package.json',
    '/%2e%2e/package.json',
    '/assets/..%2f..%2fpackage.json',
    '/assets/%2e%2e/%2e%2e/package.json',
    '/assets%5c..%5cpackage.json',
  ])('answers %s with the 404 of an unknown path, never a file outside the build', async (path) => {
    const response = await rawGet(server.url, path);

    expect(response.status).toBe(404);
    expect(response.body).not.toContain('whatsapp-hub');
    expect(JSON.parse(response.body)).toMatchObject({ success: false, error: expect.stringContaining(gatewayMessages.notFound) });
  });

  it('answers methods other than GET and HEAD, and files the build lacks, with the API 404 as before', async () => {
    const posted = await api('/', { method: 'POST', body: {}, baseUrl: server.url });
    const missing = await api('/missing.html', { baseUrl: server.url });

    expect(posted.status).toBe(404);
    expect(posted.body).toEqual({ success: false, error: `${gatewayMessages.notFound}: POST /` });
    expect(missing.status).toBe(404);
    expect(missing.body.success).toBe(false);
  });

  it('keeps the API and Swagger UI on their paths', async () => {
    const health = await api('/health', { baseUrl: server.url });
    const docs = await fetch(`${server.url}/api-docs/ui`);

    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok' });
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger-ui');
  });
});

describe('the local API server without a console build', () => {
  let server: ApiServer;

  beforeAll(async () => {
    const distDir = join(tmpdir(), 'whatsapp-hub-console-never-built');
    server = await startApiServer({
      routes: routeList,
      port: 0,
      maxBodyBytes: 1_048_576,
      consoleFiles: consoleFiles({ distDir, mediaOrigin }),
    });
  });
  afterAll(() => server?.close());

  it('answers / with 503 saying to run npm run console:build, and asset paths with the API 404', async () => {
    const page = await fetch(`${server.url}/`);
    const asset = await fetch(`${server.url}/assets/app.js`);

    expect(page.status).toBe(503);
    expect(await page.text()).toContain('npm run console:build');
    expect(asset.status).toBe(404);
  });
});

describe("the media bucket's CORS rule, for the console's uploads", () => {
  const consoleOrigin = inject('apiUrl');
  let user: TestUser;
  let form: { uploadUrl: string; fields: Record<string, string> };

  beforeAll(async () => {
    user = await registerUser('console-cors');
    const created = await api('/media', { body: { mime_type: 'image/png', size: 64 }, headers: { 'x-api-key': user.apiKey } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    form = created.body.data;
  });

  const preflight = (origin: string, method: string) =>
    fetch(form.uploadUrl, { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': method } });
  const post = (bytes: number, origin = consoleOrigin, fields: Record<string, string> = {}) => {
    const body = new FormData();
    for (const [name, value] of Object.entries({ ...form.fields, ...fields })) body.append(name, value);
    body.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), 'upload');
    return fetch(form.uploadUrl, { method: 'POST', body, headers: { Origin: origin } });
  };

  it("allows a browser's POST and GET preflight from the console's origin, as localhost or 127.0.0.1", async () => {
    for (const origin of [consoleOrigin, consoleOrigin.replace('//localhost:', '//127.0.0.1:')]) {
      for (const method of ['POST', 'GET']) {
        const response = await preflight(origin, method);
        expect(response.status, `${method} from ${origin}`).toBe(200);
        expect(response.headers.get('access-control-allow-methods')).toContain(method);
      }
    }
  });

  it('refuses the preflight from any other origin, and a method the rule does not name', async () => {
    for (const origin of ['https://evil.example', consoleOrigin.replace(/:\d+$/, ':1')]) {
      expect((await preflight(origin, 'POST')).status, origin).toBe(403);
    }
    expect((await preflight(consoleOrigin, 'DELETE')).status).toBe(403);
  });

  it("still holds the upload to the presigned policy, and lets the console read S3's answer", async () => {
    const tooLarge = await post(65);
    const otherKey = await post(64, consoleOrigin, { key: `${form.fields.key}-elsewhere` });
    const accepted = await post(64);

    expect(tooLarge.status).toBe(400);
    expect(await tooLarge.text()).toContain('EntityTooLarge');
    expect(otherKey.status).toBe(403);
    expect(await otherKey.text()).toContain('Policy Condition failed');
    expect(accepted.status).toBe(204);
    expect(accepted.headers.get('access-control-allow-origin')).toBe(consoleOrigin);
    // Another page's post is S3's to refuse or not by its policy; that page just may not read the answer.
    expect((await post(64, 'https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
  });
});
