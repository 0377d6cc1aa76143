import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { lambdaContext } from '../../infra/local/lambda-events.ts';
import { getSession } from '../../shared/sessions/repository.ts';
import { linkSessions, registerUser, startBenchStack } from './bench-stack.ts';
import { closedLoop } from './load.ts';
import { report, round, summarize, type Figure } from './report.ts';

/**
 * Send-text enqueue latency and throughput against the local stack, `/health` in the same run as
 * the baseline, then the send-text handler's CPU time per request in process with its DynamoDB
 * and SQS calls answered from memory (no I/O).
 */
const concurrency = 8;
const durationMs = 10_000;
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

  const health = async () => {
    const response = await fetch(`${stack.apiUrl}/health`);
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`/health answered ${response.status}`);
  };
  const sendText = async () => {
    const response = await fetch(`${stack.apiUrl}/message/send-text`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': apiKey }, body });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`send-text answered ${response.status}: ${text}`);
  };
  await closedLoop(health, { concurrency, durationMs: 1_000 });
  await closedLoop(sendText, { concurrency, durationMs: 1_000 });
  const healthRun = await closedLoop(health, { concurrency, durationMs });
  const sendRun = await closedLoop(sendText, { concurrency, durationMs });

  const cpu = await handlerCpuPerRequest(session!, apiKey, body);
  const healthLatency = summarize(healthRun.latencies);
  const sendLatency = summarize(sendRun.latencies);
  const figures: Figure[] = [
    { metric: 'GET /health p50 / p95 / p99', value: `${round(healthLatency.p50)} / ${round(healthLatency.p95)} / ${round(healthLatency.p99)}`, unit: 'ms' },
    { metric: 'GET /health throughput', value: round(healthRun.perSecond), unit: 'req/s' },
    { metric: 'POST send-text p50 / p95 / p99', value: `${round(sendLatency.p50)} / ${round(sendLatency.p95)} / ${round(sendLatency.p99)}`, unit: 'ms' },
    { metric: 'POST send-text throughput', value: round(sendRun.perSecond), unit: 'req/s' },
    { metric: 'send-text handler CPU per request (in process, no I/O)', value: round(cpu.microseconds), unit: 'µs' },
  ];
  report('api', figures, { concurrency, durationMs, health: healthLatency, sendText: sendLatency, handlerCpu: cpu, note: 'local server, authorizer run per request (no 60 s cache as in the cloud); rate limits raised by env' });
} finally {
  await stack.stop();
}

/** CPU per invocation of the send-text handler itself, authorizer verdict given, AWS calls answered from memory. */
async function handlerCpuPerRequest(sessionId: string, apiKey: string, body: string) {
  const session = await getSession(sessionId);
  const userId = session!.userId;
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
      requestContext: { authorizer: { userId: String(userId), role: 'user' }, requestId: 'bench', httpMethod: 'POST', path: '/message/send-text', stage: 'local', identity: { sourceIp: '127.0.0.1' } },
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
