import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import createClient from 'openapi-fetch';
import openapiTS, { astToString } from 'openapi-typescript';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { api } from '../support/http.ts';
import { typeCheck } from '../support/type-check.ts';
import { registerUser, type TestUser } from '../support/users.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const here = fileURLToPath(new URL('.', import.meta.url));
const redocly = join(dirname(createRequire(import.meta.url).resolve('@redocly/cli/package.json')), 'bin/cli.js');
const specUrl = () => `${inject('apiUrl')}/api-docs/spec`;
/** Response headers a browser may always read; any other needs Access-Control-Expose-Headers. */
const safelisted = ['cache-control', 'content-language', 'content-length', 'content-type', 'expires', 'last-modified', 'pragma'];

describe('the served OpenAPI document, as third-party tools take it', () => {
  let spec: any;
  let user: TestUser;

  beforeAll(async () => {
    spec = (await api('/api-docs/spec')).body;
    user = await registerUser('openapi-tools');
  });

  it("passes Redocly's linter with its recommended rules (redocly.yaml), without an error or a warning", async () => {
    const report = await lint(specUrl());

    expect(report.problems.map((problem: { ruleId: string; message: string }) => `${problem.ruleId}: ${problem.message}`)).toEqual([]);
    expect(report.totals).toEqual({ errors: 0, warnings: 0, ignored: 0 });
  });

  it('fails the same linter once broken, so the check above can fail', async () => {
    const broken = { ...spec, paths: { ...spec.paths, '/health': { get: { ...spec.paths['/health'].get, security: undefined } } } };

    const report = await lint(broken);

    expect(report.problems.map((problem: { ruleId: string }) => problem.ruleId)).toContain('security-defined');
  });

  it("names the API's own base URL as its server", () => {
    expect(spec.servers).toEqual([{ url: inject('apiUrl'), description: expect.any(String) }]);
  });

  it('gives openapi-typescript types on which an openapi-fetch client type-checks, Idempotency-Key a declared header', async () => {
    const types = astToString(await openapiTS(new URL(specUrl())));
    const client = (header: string) => `
      import createClient from 'openapi-fetch';
      import type { paths } from './generated-api.ts';

      const client = createClient<paths>({ baseUrl: ${JSON.stringify(spec.servers[0].url)}, headers: { 'x-api-key': 'key' } });
      const { data } = await client.POST('/message/send-text', {
        params: { header: { '${header}': 'order-1' } },
        body: { session: 'main', to: '6287654321', text: 'Hello' },
      });
      export const messageId: string | undefined = data?.messageId;
    `;

    const [declared, misspelled] = await typeCheck(here, [
      { 'generated-api.ts': types, 'generated-client.ts': client('Idempotency-Key') },
      { 'generated-api.ts': types, 'generated-client.ts': client('Idempotency-Kay') },
    ]);

    expect(declared).toEqual([]);
    // The check reads the types: the same client with the header misspelled does not compile.
    expect(misspelled).toEqual([expect.stringContaining("Idempotency-Kay'' does not exist")]);
  });

  it("lets an openapi-fetch client on the document's server URL reach the API as it is, with its Idempotency-Key", async () => {
    const client = createClient<any>({ baseUrl: spec.servers[0].url, headers: { 'x-api-key': user.apiKey } });

    const { response, error } = await client.POST('/message/send-text', {
      params: { header: { 'Idempotency-Key': 'has spaces' } },
      body: { session: 'main', to: '6287654321', text: 'Hello' },
    });

    // The service read the key (and refused it) before anything else: the header arrived.
    expect(response.status).toBe(400);
    expect(error).toMatchObject({ success: false, error: expect.stringContaining('Idempotency-Key') });
  });

  it('declares security on every operation: none on the public ones', () => {
    const operations = Object.values(spec.paths).flatMap((item: any) => Object.values(item)) as any[];
    const publicOnes = operations.filter((operation) => operation.security.length === 0).map((operation) => operation.operationId);

    expect(operations.every((operation) => Array.isArray(operation.security))).toBe(true);
    expect(publicOnes.sort()).toEqual(['health', 'login', 'refresh', 'register']);
  });

  it('declares the headers answers carry: x-request-id on all, Retry-After on a 429, Deprecation, Sunset and Link on the deprecated GET', () => {
    const responses = Object.values(spec.paths).flatMap((item: any) =>
      Object.values(item).flatMap((operation: any) => Object.entries(operation.responses)),
    ) as [string, any][];
    const deprecatedGet = spec.paths['/message/send-text'].get.responses[200].headers;

    for (const [, response] of responses)
      expect(response.headers['x-request-id']).toMatchObject({ required: true, schema: { type: 'string' } });
    expect(spec.paths['/auth/login'].post.responses[429].headers['Retry-After']).toMatchObject({ schema: { type: 'integer', minimum: 1 } });
    expect(Object.keys(deprecatedGet)).toEqual(['x-request-id', 'Deprecation', 'Sunset', 'Link']);
  });

  it('declares Idempotency-Key as a header parameter of every send', () => {
    const sends = Object.values(spec.paths)
      .flatMap((item: any) => Object.values(item))
      .filter((operation: any) => operation.tags[0] === 'Messages' && operation.operationId.startsWith('send')) as any[];

    expect(sends.map((operation) => operation.operationId).sort()).toEqual([
      'sendAudio',
      'sendContact',
      'sendDocument',
      'sendImage',
      'sendLocation',
      'sendPoll',
      'sendReaction',
      'sendSticker',
      'sendText',
      'sendTextDeprecated',
      'sendVideo',
    ]);
    for (const operation of sends) {
      expect(operation.parameters, operation.operationId).toContainEqual(
        expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: false }),
      );
    }
  });

  it('lets a browser read every response header it declares, from handler and gateway answers alike, and send every header parameter', async () => {
    const origin = { Origin: 'https://app.example.com' };
    const operations = Object.values(spec.paths).flatMap((item: any) => Object.values(item)) as any[];
    const declared = new Set(
      operations.flatMap((operation) => Object.values(operation.responses).flatMap((response: any) => Object.keys(response.headers ?? {}))),
    );
    const parameters = new Set(
      operations.flatMap((operation) =>
        (operation.parameters ?? []).filter((parameter: any) => parameter.in === 'header').map((parameter: any) => parameter.name),
      ),
    );
    const listed = (value: string | null) => (value ?? '').split(',').map((name) => name.trim().toLowerCase());

    const handlerAnswer = await api('/health', { headers: origin });
    const gatewayAnswer = await api('/auth/me', { headers: origin });
    const preflight = await fetch(`${inject('apiUrl')}/message/send-text`, {
      method: 'OPTIONS',
      headers: { ...origin, 'Access-Control-Request-Method': 'POST' },
    });

    const unreadable = [...declared].map((name) => name.toLowerCase()).filter((name) => !safelisted.includes(name));
    expect(gatewayAnswer.status).toBe(401);
    expect(unreadable.filter((name) => !listed(handlerAnswer.headers.get('access-control-expose-headers')).includes(name))).toEqual([]);
    expect(unreadable.filter((name) => !listed(gatewayAnswer.headers.get('access-control-expose-headers')).includes(name))).toEqual([]);
    expect(
      [...parameters]
        .map((name) => name.toLowerCase())
        .filter((name) => !listed(preflight.headers.get('access-control-allow-headers')).includes(name)),
    ).toEqual([]);
  });
});

/** Runs Redocly's CLI on a URL or a document, offline, with the project's redocly.yaml; its JSON report, whatever its exit code. */
async function lint(source: string | object): Promise<any> {
  const folder = mkdtempSync(join(tmpdir(), 'whatsapp-hub-lint-'));
  try {
    const input = typeof source === 'string' ? source : join(folder, 'openapi.json');
    if (typeof source !== 'string') writeFileSync(input, JSON.stringify(source));
    const run = promisify(execFile)(process.execPath, [redocly, 'lint', input, '--format=json'], {
      cwd: repoRoot,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
    const { stdout } = await run.catch((failure: { stdout?: string }) => ({ stdout: failure.stdout ?? '' }));
    return JSON.parse(stdout);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
