import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from '../../infra/local/api-server.ts';
import { routeList } from '../../shared/routes.ts';
import { api } from '../support/http.ts';

describe('GET /health with S3 taking requests but never answering', () => {
  let server: ApiServer;
  let silentS3: Server;
  const connections: Socket[] = [];

  beforeAll(async () => {
    silentS3 = createServer((socket) => {
      connections.push(socket);
      socket.resume(); // reads the request (and so sees the client close), never answers
    });
    await new Promise<void>((resolve) => silentS3.listen(0, '127.0.0.1', resolve));
    const { port } = silentS3.address() as { port: number };
    // This file's module graph is its own: its config sees S3 at the silent server.
    process.env.S3_ENDPOINT = `http://127.0.0.1:${port}`;
    process.env.HEALTH_CHECK_TIMEOUT_MS = '300';
    server = await startApiServer({ routes: routeList, port: 0, maxBodyBytes: 1024 });
  });

  afterAll(async () => {
    await server.close();
    for (const socket of connections) socket.destroy();
    await new Promise((resolve) => silentS3.close(resolve));
  });

  it('reports the late check after the timeout, and aborts its request rather than leaving it open', async () => {
    const response = await api('/health', { baseUrl: server.url });

    expect(response.status).toBe(503);
    expect(response.body.checks.s3).toMatchObject({ status: 'error', error: 'no answer within 300 ms' });
    expect(connections).toHaveLength(1);
    const closedAt = Date.now() + 2_000;
    while (!connections[0]!.closed && Date.now() < closedAt) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(connections[0]!.closed).toBe(true);
  });
});
