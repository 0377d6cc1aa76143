import { createServer, type Server } from 'node:http';

export interface HealthReport {
  healthy: boolean;
  body: Record<string, unknown>;
}

/**
 * `GET /health` for the ECS container health check: 200 while healthy, 503 otherwise. The body
 * carries the process's memory too, in the API's `/health` shape.
 */
export async function startHealthServer(port: number, report: () => HealthReport): Promise<{ port: number; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    if (request.url !== '/health') {
      response.writeHead(404).end();
      return;
    }
    const { healthy, body } = report();
    const { rss, heapTotal, heapUsed, external } = process.memoryUsage();
    const answer = { status: healthy ? 'ok' : 'unhealthy', ...body, memory: { rss, heapTotal, heapUsed, external } };
    response.writeHead(healthy ? 200 : 503, { 'Content-Type': 'application/json' }).end(JSON.stringify(answer));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
