import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { lambdaContext } from '../../infra/local/lambda-events.ts';
import { authenticateApiKey } from '../../shared/auth/authenticate.ts';
import { findSessionByName } from '../../shared/sessions/repository.ts';
import { linkSessions, registerUser, startBenchStack } from './bench-stack.ts';
import { alternatingRounds } from './load.ts';
import { watchOtherProcessesCpu } from './process-stats.ts';
import { report, round, summarize, type Figure } from './report.ts';

/**
 * Send-text enqueue latency and throughput against the local stack, `/health` in the same run as
 * the baseline, then the send-text handler's CPU time per request in process with its DynamoDB
 * and SQS calls answered from memory (no I/O). Both endpoints are called by the same clients, at
 * the same concurrency, warmed up alike and measured in alternating rounds with the connector
 * stopped; the CPU other processes on the machine use meanwhile is reported beside the figures.
 */
const concurrency = 8;
const roundMs = 2_000;
// DynamoDB Local's JIT settles in about that long: send-text's p50 falls from ~260 ms in its first 2 s to ~70 ms after ~15 s.
const warmUpRounds = 5;
const rounds = 5;
const inProcessRequests = 2_000;
// Rate limits raised for the run: the defaults (20/min per session) would refuse almost every send.
const unlimited = { RATE_LIMIT_PER_MINUTE: '100000000', RATE_LIMIT_PER_HOUR: '100000000', RATE_LIMIT_PER_RECIPIENT_PER_HOUR: '100000000' };

const stack = await startBenchStack({ connector: true, env: unlimited });
try {
  const apiKey = await registerUser(stack.apiUrl);
  const [session] = (await linkSessions(stack, apiKey, 1, { concurrency: 1, timeoutMs: 60_000 })).sessionIds;
  // The connector would compete for the two cores while sending what is queued; only enqueueing is measured.
  await stack.connector!.stop();
  const body = JSON.stringify({ session, to: '6281234567890', text: 'benchmark', is_group: false });

  const expectOk = async (path: string, init?: RequestInit) => {
    const response = await fetch(`${stack.apiUrl}${path}`, init);
    const text = await response.text();
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${text}`);
  };
  const requests = {
    health: () => expectOk('/health'),
    sendText: () =>
      expectOk('/message/send-text', { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': apiKey }, body }),
  };
  await alternatingRounds(requests, { concurrency, roundMs, rounds: warmUpRounds });
  const otherProcessesCpu = watchOtherProcessesCpu();
  const measured = await alternatingRounds(requests, { concurrency, roundMs, rounds });
  const otherCores = otherProcessesCpu();
  if (otherCores > 0.1)
    console.warn(`Other processes used ${round(otherCores, 2)} cores during the measurement: the latencies are inflated by them`);

  const cpu = await handlerCpuPerRequest(session!, apiKey, body);
  const healthLatency = summarize(measured.health.latencies);
  const sendLatency = summarize(measured.sendText.latencies);
  const figures: Figure[] = [
    {
      metric: 'GET /health p50 / p95 / p99',
      value: `${round(healthLatency.p50)} / ${round(healthLatency.p95)} / ${round(healthLatency.p99)}`,
      unit: 'ms',
    },
    { metric: 'GET /health throughput', value: round(measured.health.perSecond), unit: 'req/s' },
    {
      metric: 'POST send-text p50 / p95 / p99',
      value: `${round(sendLatency.p50)} / ${round(sendLatency.p95)} / ${round(sendLatency.p99)}`,
      unit: 'ms',
    },
    { metric: 'POST send-text throughput', value: round(measured.sendText.perSecond), unit: 'req/s' },
    { metric: 'send-text handler CPU per request (in process, no I/O)', value: round(cpu.microseconds), unit: 'µs' },
    { metric: 'CPU used by other processes while measuring', value: round(otherCores, 2), unit: 'cores' },
  ];
  report('api', figures, {
    concurrency,
    roundMs,
    warmUpRounds,
    rounds,
    otherCores,
    health: healthLatency,
    sendText: sendLatency,
    handlerCpu: cpu,
    note: 'local server, authorizer run per request (no 60 s cache as in the cloud); rate limits raised by env',
  });
} finally {
  await stack.stop();
}

/** CPU per invocation of the send-text handler itself, authorizer verdict given, AWS calls answered from memory. */
async function handlerCpuPerRequest(sessionName: string, apiKey: string, body: string) {
  const { userId } = await authenticateApiKey(apiKey);
  const session = await findSessionByName(userId, sessionName);
  const { handler } = await import('../../lambdas/message/send-text.ts');
  // Replaces the SDK's network round trip (and its serialization): only our handler code is timed.
  DynamoDBDocumentClient.prototype.send = (async (command: { constructor: { name: string } }) =>
    command.constructor.name === 'GetCommand' ? { Item: session } : {}) as never;
  SQSClient.prototype.send = (async () => ({ MessageId: 'in-memory' })) as never;
  const event = (): APIGatewayProxyEvent =>
    ({
      resource: '/message/send-text',
      path: '/message/send-text',
      httpMethod: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
      multiValueHeaders: {},
      queryStringParameters: null,
      multiValueQueryStringParameters: null,
      pathParameters: null,
      stageVariables: null,
      body,
      isBase64Encoded: false,
      requestContext: {
        authorizer: { userId: String(userId), role: 'user' },
        requestId: 'bench',
        httpMethod: 'POST',
        path: '/message/send-text',
        stage: 'local',
        identity: { sourceIp: '127.0.0.1' },
      },
    }) as unknown as APIGatewayProxyEvent;
  const invoke = async () => {
    const result = await handler(event(), lambdaContext('send-text'));
    if (result.statusCode !== 200) throw new Error(`handler answered ${result.statusCode}: ${result.body}`);
  };
  for (let index = 0; index < 200; index++) await invoke();
  const before = process.cpuUsage();
  for (let index = 0; index < inProcessRequests; index++) await invoke();
  const used = process.cpuUsage(before);
  return { requests: inProcessRequests, microseconds: (used.user + used.system) / inProcessRequests };
}
