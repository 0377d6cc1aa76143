import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dynamoClient } from '../../shared/aws-clients.ts';
import { config } from '../../shared/config.ts';
import { call, linkSessions, registerUser, startBenchStack } from './bench-stack.ts';
import { connectInspector, inspectorPort } from './inspector.ts';
import { cpuShares } from './cpu-profile-shares.ts';
import { cpuSeconds, waitUntilIdle } from './process-stats.ts';
import { report, round } from './report.ts';

/**
 * Connector CPU per sent message, and whether one process keeps 500 sessions at their 20/min
 * ceiling within 1 vCPU. Linking 500 sessions here is slow, so the 500 figure is computed from what
 * `sessions` measure: the process's idle CPU with none, idle CPU per connected session, and CPU per
 * message. A first message to a contact costs more (device lookup, Signal session set-up) than a
 * message to a contact already written to, so both are measured and the 500 figure given for each.
 * Pacing is shortened so a few sessions carry the load; queue long polls keep their production wait.
 * The connector counts its AWS calls (aws-call-counter.ts), and the SDK's own CPU per call is
 * measured here alone, to show how much of a message's cost is the SDK's.
 */
const sessions = 20;
const repeatsPerContact = 2;
const contacts = Array.from({ length: 10 }, (_, index) => `62812300000${String(index).padStart(2, '0')}`);
const ceilingPerSession = 20 / 60;
const inspector = await inspectorPort();
const counter = fileURLToPath(new URL('./aws-call-counter.ts', import.meta.url));
const stack = await startBenchStack({
  connector: true,
  connectorNodeArgs: [...inspector.nodeArgs, '--import', counter, ...(process.env.BENCH_NODE_ARGS?.split(' ') ?? [])],
  env: {
    QUEUE_WAIT_SECONDS: '20',
    SEND_MIN_GAP_MS: '100',
    SEND_JITTER_MS: '0',
    RATE_LIMIT_PER_MINUTE: '100000',
    RATE_LIMIT_PER_RECIPIENT_PER_HOUR: '100000',
  },
});

/** CPU seconds per second the process uses while nothing happens. */
async function idleCpu(pid: number, windowS = 10): Promise<number> {
  await waitUntilIdle(pid);
  const before = cpuSeconds(pid);
  await new Promise((resolve) => setTimeout(resolve, windowS * 1000));
  return (cpuSeconds(pid) - before) / windowS;
}

/** CPU of this process per DynamoDB GetItem through the SDK, DynamoDB Local being another process. */
async function sdkCpuPerCall(calls = 1000): Promise<number> {
  const get = (index: number) =>
    dynamoClient().send(new GetCommand({ TableName: config().TABLE_NAME, Key: { pk: `bench#${index}`, sk: 'bench' } }));
  for (let index = 0; index < 100; index++) await get(index);
  const before = process.cpuUsage();
  for (let index = 0; index < calls; index++) await get(index);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / calls;
}

const connector = await connectInspector(inspector.port);
try {
  const pid = stack.connector!.pid;
  const apiKey = await registerUser(stack.apiUrl);
  const idleEmpty = await idleCpu(pid);
  const { sessionIds } = await linkSessions(stack, apiKey, sessions, { concurrency: 4, timeoutMs: 180_000 });
  for (const phone of contacts) stack.sim.addContact({ phone, autoReceipts: { delivery: false, read: false } });
  const idleLinked = await idleCpu(pid);
  const idlePerSession = (idleLinked - idleEmpty) / sessions;

  const delivered = () => contacts.reduce((sum, phone) => sum + stack.sim.received(phone).length, 0);
  /**
   * Every session sends `rounds` messages to each contact; answers busy CPU per message. With
   * BENCH_CPU_PROFILE set, the round's CPU profile is written to `<that path>-<label>.cpuprofile`
   * and its busy time split by owner (AWS SDK, Baileys, GC, ours); sampling costs some CPU itself.
   */
  const sendRound = async (label: string, rounds: number) => {
    const sends = Array.from({ length: rounds }, (_, round) =>
      sessionIds.flatMap((session, index) =>
        contacts.map((to) => ({ session, to, text: `cpu ${label} ${index}-${round}`, is_group: false })),
      ),
    ).flat();
    const target = delivered() + sends.length;
    await waitUntilIdle(pid);
    const callsBefore = await connector.evaluate<Record<string, number>>('globalThis.awsCalls');
    const profiling = process.env.BENCH_CPU_PROFILE ? await connector.startProfiling() : undefined;
    const cpuBefore = cpuSeconds(pid);
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < sends.length) await call(stack.apiUrl, '/message/send-text', { body: sends[next++], apiKey });
      }),
    );
    const deadline = Date.now() + 180_000;
    while (delivered() < target && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    const seconds = (performance.now() - started) / 1000;
    if (delivered() < target)
      throw new Error(`${label}: ${sends.length - (target - delivered())} of ${sends.length} messages delivered within the time limit`);
    const busyCpu = cpuSeconds(pid) - cpuBefore - idleLinked * seconds;
    let cpuShareByOwner: Record<string, number> | undefined;
    if (profiling) {
      const profile = await profiling.stop();
      writeFileSync(`${process.env.BENCH_CPU_PROFILE}-${label}.cpuprofile`, JSON.stringify(profile));
      cpuShareByOwner = cpuShares(profile);
    }
    const callsAfter = await connector.evaluate<Record<string, number>>('globalThis.awsCalls');
    const awsCallsPerMessage: Record<string, number> = {};
    for (const [operation, count] of Object.entries(callsAfter)) {
      const perMessage = (count - (callsBefore[operation] ?? 0)) / sends.length;
      if (perMessage > 0) awsCallsPerMessage[operation] = round(perMessage, 2);
    }
    const awsCalls = Object.values(awsCallsPerMessage).reduce((sum, perMessage) => sum + perMessage, 0);
    return {
      messages: sends.length,
      seconds,
      msPerMessage: (busyCpu / sends.length) * 1000,
      awsCalls,
      awsCallsPerMessage,
      cpuShareByOwner,
    };
  };
  const first = await sendRound('first', 1);
  const repeat = await sendRound('repeat', repeatsPerContact);
  const sdkMsPerCall = await sdkCpuPerCall();

  /** vCPU one process needs for `count` sessions each at its ceiling. */
  const vcpuFor = (count: number, msPerMessage: number) => idleEmpty + count * (idlePerSession + (ceilingPerSession * msPerMessage) / 1000);
  const sessionsPerVcpu = (msPerMessage: number) =>
    Math.floor((1 - idleEmpty) / (idlePerSession + (ceilingPerSession * msPerMessage) / 1000));
  report(
    'connector-cpu',
    [
      {
        metric: `CPU per message, to contacts already written to (${repeat.messages} messages)`,
        value: round(repeat.msPerMessage, 2),
        unit: 'ms',
      },
      { metric: `CPU per message, first to each contact (${first.messages} messages)`, value: round(first.msPerMessage, 2), unit: 'ms' },
      { metric: 'AWS calls per message, repeat contacts', value: round(repeat.awsCalls, 2), unit: 'calls' },
      { metric: 'AWS calls per message, first to each contact', value: round(first.awsCalls, 2), unit: 'calls' },
      { metric: 'SDK CPU per call alone (DynamoDB GetItem)', value: round(sdkMsPerCall, 2), unit: 'ms' },
      { metric: 'delivery throughput, repeat round', value: round(repeat.messages / repeat.seconds, 1), unit: 'msg/s' },
      { metric: 'idle CPU of the process with no sessions', value: round(idleEmpty * 1000, 2), unit: 'ms/s' },
      { metric: `idle CPU per connected session (${sessions} sessions)`, value: round(idlePerSession * 1000, 3), unit: 'ms/s' },
      {
        metric: '500 sessions at 20/min (166.7 msg/s), repeat contacts, computed',
        value: round(vcpuFor(500, repeat.msPerMessage), 2),
        unit: 'vCPU',
        target: '≤ 1 vCPU',
        met: vcpuFor(500, repeat.msPerMessage) <= 1,
      },
      {
        metric: '500 sessions at 20/min, every message to a new contact, computed',
        value: round(vcpuFor(500, first.msPerMessage), 2),
        unit: 'vCPU',
      },
      { metric: 'sessions at their ceiling per vCPU, repeat contacts', value: sessionsPerVcpu(repeat.msPerMessage), unit: 'sessions' },
      { metric: 'sessions at their ceiling per vCPU, new contacts', value: sessionsPerVcpu(first.msPerMessage), unit: 'sessions' },
      ...Object.entries(repeat.cpuShareByOwner ?? {}).map(([owner, share]) => ({
        metric: `busy CPU share, repeat contacts (profiled): ${owner}`,
        value: round(share * 100, 1),
        unit: '%',
      })),
    ],
    {
      sessions,
      first,
      repeat,
      idleEmpty,
      idleLinked,
      sdkMsPerCall,
      settings:
        'QUEUE_WAIT_SECONDS=20 (production), SEND_MIN_GAP_MS=100, SEND_JITTER_MS=0, rate limits raised; 500-session figures computed from the measured idle and per-message costs',
    },
  );
} finally {
  connector.close();
  await stack.stop();
}
