import { randomInt } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { newMessageId, newSessionId } from '../../shared/ids.ts';
import type { ReceivedMessage } from '../../shared/messages/message.ts';
import { storeReceived } from '../../shared/messages/received.ts';
import { call, startBenchStack } from './bench-stack.ts';
import { report, round, summarize, type Figure } from './report.ts';

/**
 * Webhooks through the local stack, with the cloud's code: messages are stored as the connector
 * stores them (one transaction each), DynamoDB Local's stream feeds produce-events, and the delivery
 * pollers feed deliver, which signs and POSTs to receivers on loopback that answer 200 at once.
 * - latency: one message at a time, from just before its write to the receiver's hand, p50 and p99;
 * - deliveries per second to 1 endpoint: a burst of messages of one tenant;
 * - deliveries per second to 100 endpoints: 5 tenants of 20 endpoints each (the most a tenant may
 *   have), each message of a tenant delivered to its 20.
 */
const latencySamples = Number(process.env.BENCH_WEBHOOK_LATENCY_SAMPLES ?? 200);
const burstToOne = Number(process.env.BENCH_WEBHOOK_BURST ?? 1_000);
const messagesPerTenant = Number(process.env.BENCH_WEBHOOK_FANOUT_MESSAGES ?? 40);
const tenants = 5;
const endpointsPerTenant = 20;

const stack = await startBenchStack({ connector: false });

/** One loopback server standing for many endpoints: each path is one. Records when each event id arrived, per path. */
const arrivals = new Map<string, number>();
const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const { id } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { id: string };
    arrivals.set(`${request.url} ${id}`, Date.now());
    response.writeHead(200).end('ok');
  });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

interface Tenant {
  userId: number;
  paths: string[];
}

async function tenantWithEndpoints(count: number): Promise<Tenant> {
  const registered = await call(stack.apiUrl, '/auth/register', {
    body: { email: `bench-webhooks-${randomInt(1e12)}@example.com`, password: `Pass-${randomInt(1e12)}-bench` },
  });
  const { id: userId, apiKey } = registered.data.user as { id: number; apiKey: string };
  const paths = Array.from({ length: count }, () => `/hooks/${randomInt(1e12)}`);
  for (const path of paths) {
    await call(stack.apiUrl, '/webhooks', { apiKey, body: { url: `${receiverUrl}${path}`, events: ['message.received'] }, expect: 201 });
  }
  return { userId, paths };
}

/** A text from a contact to a session of the tenant, stored as the connector stores it. */
async function receive(tenant: Tenant, text: string): Promise<{ messageId: string; writtenAt: number }> {
  const now = new Date();
  const message: ReceivedMessage = {
    messageId: newMessageId(),
    sessionId: newSessionId(),
    sessionName: 'bench',
    userId: tenant.userId,
    direction: 'in',
    origin: 'contact',
    waMessageId: `BENCH${randomInt(1e12)}`,
    jid: '6287654321@s.whatsapp.net',
    to: '6281234567',
    isGroup: false,
    from: '+6287654321',
    type: 'text',
    text,
    history: [{ event: 'received', at: now.toISOString() }],
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    expiresAt: Math.floor(now.getTime() / 1000) + 3_600,
  };
  const writtenAt = Date.now();
  await storeReceived(message);
  return { messageId: message.messageId, writtenAt };
}

async function until(done: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const started = Date.now();
  while (!done()) {
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const delivered = (path: string) => [...arrivals.keys()].filter((key) => key.startsWith(`${path} `)).length;
const lastArrival = (paths: readonly string[]) =>
  Math.max(...[...arrivals].filter(([key]) => paths.some((path) => key.startsWith(`${path} `))).map(([, at]) => at));

try {
  // Latency: one at a time, each waited for.
  const single = await tenantWithEndpoints(1);
  const [path] = single.paths as [string];
  const latencies: number[] = [];
  for (let index = 0; index < latencySamples; index++) {
    const before = delivered(path);
    const { writtenAt } = await receive(single, `latency ${index}`);
    await until(() => delivered(path) > before, 10_000, `delivery ${index}`);
    latencies.push(lastArrival([path]) - writtenAt);
  }
  const latency = summarize(latencies);

  // Throughput to one endpoint: a burst, 20 writes at a time.
  const burstStart = Date.now();
  const beforeBurst = delivered(path);
  for (let index = 0; index < burstToOne; index += 20) {
    await Promise.all(Array.from({ length: Math.min(20, burstToOne - index) }, (_, offset) => receive(single, `burst ${index + offset}`)));
  }
  const burstWritten = Date.now();
  await until(() => delivered(path) - beforeBurst >= burstToOne, 120_000, 'the burst to one endpoint');
  const toOnePerSecond = burstToOne / ((lastArrival([path]) - burstStart) / 1000);

  // Throughput to 100 endpoints: 5 tenants × 20.
  const fanout = await Promise.all(Array.from({ length: tenants }, () => tenantWithEndpoints(endpointsPerTenant)));
  const fanoutPaths = fanout.flatMap((tenant) => tenant.paths);
  const expected = tenants * messagesPerTenant * endpointsPerTenant;
  const fanoutStart = Date.now();
  await Promise.all(
    fanout.map(async (tenant) => {
      for (let index = 0; index < messagesPerTenant; index++) await receive(tenant, `fan-out ${index}`);
    }),
  );
  await until(() => fanoutPaths.reduce((sum, each) => sum + delivered(each), 0) >= expected, 300_000, 'the fan-out');
  const toHundredPerSecond = expected / ((lastArrival(fanoutPaths) - fanoutStart) / 1000);

  const figures: Figure[] = [
    { metric: 'event latency p50 (write → receiver)', value: latency.p50, unit: 'ms' },
    { metric: 'event latency p99 (write → receiver)', value: latency.p99, unit: 'ms', target: '< 1000 ms', met: latency.p99 < 1_000 },
    { metric: `deliveries per second to 1 endpoint (${burstToOne} events)`, value: round(toOnePerSecond), unit: '/s' },
    { metric: `deliveries per second to 100 endpoints (${expected} deliveries)`, value: round(toHundredPerSecond), unit: '/s' },
  ];
  report('webhooks', figures, {
    latency,
    burstWriteSeconds: (burstWritten - burstStart) / 1000,
    notes:
      'One process runs the API, DynamoDB Local client side, the stream reader, produce-events, 16 delivery pollers, deliver and the receivers.',
  });
} finally {
  server.closeAllConnections();
  server.close();
  await stack.stop();
}
