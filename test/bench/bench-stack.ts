import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startConnectorProcess, type ConnectorProcess } from '../../infra/local/connector-process.ts';
import { freePort } from '../../infra/local/ports.ts';
import { startLocalStack, type LocalStack } from '../../infra/local/stack.ts';
import { digits, uniquePhone } from '../support/phones.ts';
import { simulatorConnectorSettings } from '../support/simulator-connector.ts';
import { startSimulator } from '../wa-sim/simulator.ts';

type Simulator = Awaited<ReturnType<typeof startSimulator>>;

export interface BenchStack {
  apiUrl: string;
  sim: Simulator;
  /** The connector the stack started, if asked for. */
  connector: ConnectorProcess | undefined;
  /** Another connector process pointed at the same emulators and simulator. */
  startConnector(): Promise<ConnectorProcess>;
  stop(): Promise<void>;
}

/** The quiet, throwaway settings every benchmark starts from; each adds its own. */
const benchDefaults = { STAGE: 'test', LOG_LEVEL: 'SILENT', WA_LOG_LEVEL: 'silent', QUEUE_WAIT_SECONDS: '1' };

/**
 * The local stack on free ports with throwaway data (DynamoDB in memory), the WhatsApp simulator
 * in this process, and optionally one connector pointed at it. `env` is applied before anything
 * parses the configuration, so it reaches the API here and every connector process.
 */
export async function startBenchStack(options: {
  env?: Record<string, string>;
  connector: boolean;
  connectorNodeArgs?: string[];
}): Promise<BenchStack> {
  Object.assign(process.env, benchDefaults, options.env);
  const dataDir = mkdtempSync(join(tmpdir(), 'whatsapp-hub-bench-'));
  const sim = await startSimulator();
  const simSettings = await simulatorConnectorSettings(sim, dataDir);
  const simConnector = { ...simSettings, nodeArgs: [...simSettings.nodeArgs, ...(options.connectorNodeArgs ?? [])] };
  let stack: LocalStack;
  try {
    stack = await startLocalStack({ port: 0, dataDir, ephemeral: true, jobs: false, connector: options.connector ? simConnector : false });
  } catch (error) {
    await sim.stop();
    throw error;
  }
  const extra: ConnectorProcess[] = [];
  return {
    apiUrl: stack.apiUrl,
    sim,
    connector: stack.connector,
    startConnector: async () => {
      const connector = await startConnectorProcess({
        env: { ...process.env, ...simConnector.env },
        nodeArgs: simConnector.nodeArgs,
        healthPort: await freePort(),
      });
      extra.push(connector);
      return connector;
    },
    stop: async () => {
      await Promise.allSettled(extra.map((connector) => connector.kill()));
      await stack.stop();
      await sim.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Calls the API with JSON and fails loudly on an unexpected status. */
export async function call<T = any>(
  apiUrl: string,
  path: string,
  init: { body?: unknown; apiKey?: string; expect?: number } = {},
): Promise<T> {
  const response = await fetch(`${apiUrl}${path}`, {
    method: init.body === undefined ? 'GET' : 'POST',
    headers: {
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(init.apiKey ? { 'x-api-key': init.apiKey } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  if (response.status !== (init.expect ?? 200)) throw new Error(`${path} answered ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

/** Registers a user and answers their API key. */
export async function registerUser(apiUrl: string): Promise<string> {
  const body = await call(apiUrl, '/auth/register', {
    body: { email: `bench-${randomUUID().slice(0, 8)}@example.com`, password: `Pass-${randomUUID()}` },
  });
  return body.data.user.apiKey as string;
}

/** Statuses of all the user's sessions, by session id. */
export async function sessionStatuses(apiUrl: string, apiKey: string): Promise<Map<string, string>> {
  const body = await call(apiUrl, '/session/list', { apiKey });
  return new Map((body.data as { sessionId: string; status: string }[]).map((session) => [session.sessionId, session.status]));
}

/** Polls the session list until every one of `sessionIds` has `status`; answers the time it took. */
export async function waitForAll(
  apiUrl: string,
  apiKey: string,
  sessionIds: readonly string[],
  status: string,
  timeoutMs: number,
): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const statuses = await sessionStatuses(apiUrl, apiKey);
    if (sessionIds.every((id) => statuses.get(id) === status)) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const statuses = await sessionStatuses(apiUrl, apiKey);
  const behind = sessionIds.filter((id) => statuses.get(id) !== status);
  throw new Error(
    `${behind.length} of ${sessionIds.length} sessions not ${status} after ${timeoutMs} ms (e.g. ${behind[0]}: ${statuses.get(behind[0] ?? '')})`,
  );
}

const usedPhones = new Set<string>();
function freshPhone(): string {
  for (;;) {
    const phone = uniquePhone();
    if (!usedPhones.has(phone)) {
      usedPhones.add(phone);
      return phone;
    }
  }
}

/** Starts one session, has the simulated phone scan its QR, and answers its id (not yet waiting for `connected`). */
async function startAndScan(stack: BenchStack, apiKey: string): Promise<string> {
  const phone = freshPhone();
  const sessionId = digits(phone);
  const started = await call(stack.apiUrl, '/session/start', { body: { session: sessionId, phoneNumber: phone }, apiKey });
  await stack.sim.scanQr(started.qr as string, sessionId);
  return sessionId;
}

export interface Linked {
  sessionIds: string[];
  /** Wall time from the first start to the last session `connected`. */
  ms: number;
  perSecond: number;
}

/**
 * Links `count` sessions, `concurrency` at a time (start → QR → scan), then waits until all are
 * `connected`: the connector's prekey upload after each scan is what makes linking slow.
 */
export async function linkSessions(
  stack: BenchStack,
  apiKey: string,
  count: number,
  options: { concurrency: number; timeoutMs: number },
): Promise<Linked> {
  const started = Date.now();
  const sessionIds: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count && Date.now() - started < options.timeoutMs) {
      next++;
      sessionIds.push(await startAndScan(stack, apiKey));
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, count) }, worker));
  await waitForAll(stack.apiUrl, apiKey, sessionIds, 'connected', Math.max(10_000, options.timeoutMs - (Date.now() - started)));
  const ms = Date.now() - started;
  if (sessionIds.length < count) throw new Error(`Linked only ${sessionIds.length} of ${count} sessions within ${options.timeoutMs} ms`);
  return { sessionIds, ms, perSecond: (sessionIds.length * 1000) / ms };
}
