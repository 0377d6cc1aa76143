import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { fileURLToPath } from 'node:url';
import { dynamoClient } from '../../shared/aws-clients.ts';
import { tableName } from '../../shared/db.ts';
import { keys } from '../../shared/keys.ts';
import { findSessionByName } from '../../shared/sessions/repository.ts';
import { call, linkSessions, registerUser, startBenchStack } from './bench-stack.ts';
import { connectInspector, inspectorPort } from './inspector.ts';
import { cpuSeconds, waitUntilIdle, watchMachineCpu, watchOtherProcessesCpu } from './process-stats.ts';
import { report, round, summarize } from './report.ts';

/**
 * Received messages stored per second, and the connector's CPU per received text: 10 simulated
 * contacts send texts to each of 20 linked sessions, paced at an offered rate spread over the 200
 * chats (each chat's messages one after another, as one phone sends them). A message counts as
 * stored once the claim of its WhatsApp id, written in the same transaction as the message, reads
 * back with a consistent read; at the end `GET /message/list` must show every one. A contact's first
 * message to a session (Signal session set-up, LID mapping, push name) costs more, so it is a round
 * of its own. The CPU of this process (simulator, API, S3 and SQS emulators) and of the rest of the
 * machine is reported beside the connector's, to show which of them bounded the rate.
 */
const sessions = 20;
const contacts = Array.from({ length: 10 }, (_, index) => `6281340000${String(index).padStart(3, '0')}`);
const offeredPerSecond = Number(process.env.BENCH_INBOUND_RATE ?? 150);
if (!(offeredPerSecond > 0)) throw new Error('BENCH_INBOUND_RATE must be a positive number of messages per second');
/** Messages each contact sends each session in the measured round: about 30 s of sending at the offered rate. */
const perChat = Math.max(1, Math.round((offeredPerSecond * 30) / (sessions * contacts.length)));
const pollPauseMs = 50;
const inspector = await inspectorPort();
const counter = fileURLToPath(new URL('./aws-call-counter.ts', import.meta.url));
const stack = await startBenchStack({
  connector: true,
  connectorNodeArgs: [...inspector.nodeArgs, '--import', counter],
  env: { QUEUE_WAIT_SECONDS: '20' },
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

interface Sent {
  sessionId: string;
  waMessageId: string;
  sentAt: number;
}

const claimOf = (sent: Sent) => {
  const { pk, sk } = keys.inboundClaim(sent.sessionId, sent.waMessageId);
  return `${pk} ${sk}`;
};

/** The claims (as `claimOf` names them) of those of `sent` that are stored now. */
async function storedOf(sent: readonly Sent[]): Promise<Set<string>> {
  const found = new Set<string>();
  const chunks = Array.from({ length: Math.ceil(sent.length / 100) }, (_, index) => sent.slice(index * 100, (index + 1) * 100));
  await Promise.all(
    chunks.map(async (chunk) => {
      const { Responses } = await dynamoClient().send(
        new BatchGetCommand({
          RequestItems: {
            [tableName()]: {
              Keys: chunk.map((one) => keys.inboundClaim(one.sessionId, one.waMessageId)),
              ConsistentRead: true,
              ProjectionExpression: 'pk, sk',
            },
          },
        }),
      );
      // Keys DynamoDB left unprocessed are simply asked for again by the next poll.
      for (const item of Responses?.[tableName()] ?? []) found.add(`${item.pk} ${item.sk}`);
    }),
  );
  return found;
}

/** CPU seconds per second the process uses while nothing happens. */
async function idleCpu(pid: number, windowS = 10): Promise<number> {
  await waitUntilIdle(pid);
  const before = cpuSeconds(pid);
  await sleep(windowS * 1000);
  return (cpuSeconds(pid) - before) / windowS;
}

/** How many received messages `GET /message/list` shows for the session, page by page. */
async function listedInbound(apiKey: string, name: string): Promise<number> {
  let count = 0;
  let cursor: string | null = null;
  do {
    const page: { data: unknown[]; nextCursor: string | null } = await call(
      stack.apiUrl,
      `/message/list?session=${name}&direction=in&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      { apiKey },
    );
    count += page.data.length;
    cursor = page.nextCursor;
  } while (cursor);
  return count;
}

const connector = await connectInspector(inspector.port);
try {
  const pid = stack.connector!.pid;
  const apiKey = await registerUser(stack.apiUrl);
  const { sessionIds: names } = await linkSessions(stack, apiKey, sessions, { concurrency: 4, timeoutMs: 180_000 });
  for (const phone of contacts) stack.sim.addContact({ phone });
  const idleLinked = await idleCpu(pid);
  // Received messages are stored under the session's internal id; the API and the simulator know its name (the account's digits).
  const userId = (await call(stack.apiUrl, '/session/list', { apiKey })).data[0].userId as number;
  const linked = await Promise.all(names.map(async (name) => ({ name, sessionId: (await findSessionByName(userId, name))!.sessionId })));
  const chats = linked.flatMap((session) => contacts.map((contact) => ({ ...session, contact })));

  /** Each contact sends `messagesPerChat` texts to each session at the offered rate; answers what it took to store them. */
  const receiveRound = async (label: string, messagesPerChat: number) => {
    const messages = chats.length * messagesPerChat;
    await waitUntilIdle(pid);
    const callsBefore = await connector.evaluate<Record<string, number>>('globalThis.awsCalls');
    const cpuBefore = cpuSeconds(pid);
    const ourCpuBefore = process.cpuUsage();
    const machineCores = watchMachineCpu();
    const otherCores = watchOtherProcessesCpu();
    const started = performance.now();
    const pending = new Map<string, Sent>();
    const latencies: number[] = [];
    const sendMs: number[] = [];
    let behindScheduleMs = 0;
    let lastStoredAt = started;

    const sending = Promise.all(
      chats.map(async ({ name, sessionId, contact }, index) => {
        for (let message = 0; message < messagesPerChat; message++) {
          const due = started + ((message * chats.length + index) * 1000) / offeredPerSecond;
          await sleep(due - performance.now());
          const sentAt = performance.now();
          behindScheduleMs = Math.max(behindScheduleMs, sentAt - due);
          const { id } = await stack.sim.send(contact, { to: name, content: { type: 'text', text: `inbound ${label} ${message}` } });
          sendMs.push(performance.now() - sentAt);
          const sent = { sessionId, waMessageId: id, sentAt };
          pending.set(claimOf(sent), sent);
        }
      }),
    ).then(() => performance.now());
    const deadline = started + (messages / offeredPerSecond) * 1000 + 180_000;
    const polling = (async () => {
      while (latencies.length < messages) {
        if (performance.now() > deadline)
          throw new Error(`${label}: ${latencies.length} of ${messages} messages stored within the time limit`);
        const found = await storedOf([...pending.values()]);
        const at = performance.now();
        for (const claim of found) {
          latencies.push(at - pending.get(claim)!.sentAt);
          pending.delete(claim);
          lastStoredAt = at;
        }
        await sleep(pollPauseMs);
      }
    })();
    const [sendingEndedAt] = await Promise.all([sending, polling]);

    const elapsedS = (performance.now() - started) / 1000;
    const ourCpu = process.cpuUsage(ourCpuBefore);
    const connectorCores = (cpuSeconds(pid) - cpuBefore) / elapsedS;
    const ourCores = (ourCpu.user + ourCpu.system) / 1e6 / elapsedS;
    const others = otherCores();
    const cores = {
      connector: connectorCores,
      thisProcess: ourCores,
      // What this benchmark started besides the connector: DynamoDB Local's JVM.
      dynamoDbLocal: Math.max(0, machineCores() - others - connectorCores - ourCores),
      otherJobs: others,
    };
    // Work left after the last message is stored (receipts, Signal key writes) is the message's too.
    await waitUntilIdle(pid);
    const busyCpu = cpuSeconds(pid) - cpuBefore - idleLinked * ((performance.now() - started) / 1000);
    const callsAfter = await connector.evaluate<Record<string, number>>('globalThis.awsCalls');
    const awsCallsPerMessage: Record<string, number> = {};
    for (const [operation, count] of Object.entries(callsAfter)) {
      const perMessage = round((count - (callsBefore[operation] ?? 0)) / messages, 2);
      if (perMessage > 0) awsCallsPerMessage[operation] = perMessage;
    }
    const seconds = (lastStoredAt - started) / 1000;
    return {
      messages,
      sendingSeconds: (sendingEndedAt - started) / 1000,
      seconds,
      storedPerSecond: messages / seconds,
      latency: summarize(latencies),
      simulatorSendMs: summarize(sendMs),
      behindScheduleMs,
      cores,
      msPerMessage: (busyCpu / messages) * 1000,
      awsCalls: Object.values(awsCallsPerMessage).reduce((sum, perMessage) => sum + perMessage, 0),
      awsCallsPerMessage,
    };
  };
  const first = await receiveRound('first', 1);
  const repeat = await receiveRound('repeat', perChat);

  const listed = await Promise.all(names.map((name) => listedInbound(apiKey, name)));
  const perSession = contacts.length * (1 + perChat);
  const wrong = listed.filter((count) => count !== perSession);
  if (wrong.length > 0) throw new Error(`${wrong.length} sessions list other than ${perSession} received messages: ${wrong.join(', ')}`);

  report(
    'inbound',
    [
      {
        metric: `stored per second, ${repeat.messages} texts (${perChat} per chat, offered ${offeredPerSecond}/s)`,
        value: round(repeat.storedPerSecond, 1),
        unit: 'msg/s',
      },
      { metric: 'first send → last stored', value: round(repeat.seconds, 1), unit: 's' },
      { metric: 'sending took', value: round(repeat.sendingSeconds, 1), unit: 's' },
      { metric: 'send → stored p50', value: round(repeat.latency.p50), unit: 'ms' },
      { metric: 'send → stored p95', value: round(repeat.latency.p95), unit: 'ms' },
      { metric: 'send → stored p99', value: round(repeat.latency.p99), unit: 'ms' },
      { metric: 'CPU per received text, from contacts heard from before', value: round(repeat.msPerMessage, 2), unit: 'ms' },
      { metric: `CPU per received text, first from each contact (${first.messages})`, value: round(first.msPerMessage, 2), unit: 'ms' },
      {
        metric: 'received texts one connector vCPU stores per second, repeat, computed',
        value: Math.floor((1 - idleLinked) / (repeat.msPerMessage / 1000)),
        unit: 'msg/s',
      },
      { metric: 'AWS calls per received text, repeat', value: round(repeat.awsCalls, 2), unit: 'calls' },
      { metric: 'AWS calls per received text, first', value: round(first.awsCalls, 2), unit: 'calls' },
      { metric: 'connector while receiving', value: round(repeat.cores.connector, 2), unit: 'cores' },
      { metric: 'this process (simulator, API, S3, SQS) while receiving', value: round(repeat.cores.thisProcess, 2), unit: 'cores' },
      { metric: 'DynamoDB Local while receiving', value: round(repeat.cores.dynamoDbLocal, 2), unit: 'cores' },
      { metric: 'other processes on the machine while receiving', value: round(repeat.cores.otherJobs, 2), unit: 'cores' },
      { metric: 'simulator send p99', value: round(repeat.simulatorSendMs.p99), unit: 'ms' },
      { metric: 'senders behind schedule, at most', value: round(repeat.behindScheduleMs), unit: 'ms' },
      { metric: `idle CPU of the connector, ${sessions} sessions`, value: round(idleLinked * 1000, 2), unit: 'ms/s' },
    ],
    {
      sessions,
      contacts: contacts.length,
      offeredPerSecond,
      perChat,
      first,
      repeat,
      idleLinked,
      settings: `QUEUE_WAIT_SECONDS=20 (production); BENCH_INBOUND_RATE=${offeredPerSecond}; stored = the WhatsApp id's claim read back consistently, polled every ${pollPauseMs} ms`,
    },
  );
} finally {
  connector.close();
  await stack.stop();
}
