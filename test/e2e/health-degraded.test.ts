import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from '../../infra/local/api-server.ts';
import { freePort } from '../../infra/local/ports.ts';
import { routeList } from '../../shared/routes.ts';
import { api } from '../support/http.ts';

describe('GET /health with S3 unreachable', () => {
  let server: ApiServer;

  beforeAll(async () => {
    // This file's module graph is its own: its config sees S3 on a port nothing listens on.
    process.env.S3_ENDPOINT = `http://127.0.0.1:${await freePort()}`;
    process.env.HEALTH_CHECK_TIMEOUT_MS = '1500';
    server = await startApiServer({ routes: routeList, port: 0, maxBodyBytes: 1024 });
  });

  afterAll(() => server.close());

  it('answers 503 with status "degraded" and names the failing check', async () => {
    const response = await api('/health', { baseUrl: server.url });

    expect(response.status).toBe(503);
    expect(response.body.status).toBe('degraded');
    expect(response.body.checks.s3.status).toBe('error');
    expect(response.body.checks.s3.error).toBeTruthy();
    expect(response.body.checks.dynamodb.status).toBe('ok');
    expect(response.body.checks.sqs.status).toBe('ok');
  });
});
