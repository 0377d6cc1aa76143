import { call, linkSessions, registerUser, startBenchStack } from './bench-stack.ts';
import { cpuSeconds, waitUntilIdle } from './process-stats.ts';
import { report, round } from './report.ts';

/**
 * Connector CPU per sent message, and whether one process keeps 500 sessions at their 20/min
 * ceiling within 1 vCPU. Linking 500 sessions takes too long here (prekey uploads), so the 500
 * figure is computed from what `sessions` measure: idle CPU per session plus CPU per message at
 * 500 × 20/min = 166.7 msg/s. Pacing is shortened for the run so a few sessions carry the load.
 */
const sessions = 20;
const perSession = 20;
const contacts = Array.from({ length: 10 }, (_, index) => `62812300000${String(index).padStart(2, '0')}`);
const stack = await startBenchStack({
  connector: true,
  env: { SEND_MIN_GAP_MS: '100', SEND_JITTER_MS: '0', RATE_LIMIT_PER_MINUTE: '100000', RATE_LIMIT_PER_RECIPIENT_PER_HOUR: '100000' },
});
try {
  const pid = stack.connector!.pid;
  const apiKey = await registerUser(stack.apiUrl);
  const { sessionIds } = await linkSessions(stack, apiKey, sessions, { concurrency: 4, timeoutMs: 180_000 });
  for (const phone of contacts) stack.sim.addContact({ phone, autoReceipts: { delivery: false, read: false } });
  await waitUntilIdle(pid);
  const idleWindowS = 10;
  const idleBefore = cpuSeconds(pid);
  await new Promise((resolve) => setTimeout(resolve, idleWindowS * 1000));
  const idlePerSecond = (cpuSeconds(pid) - idleBefore) / idleWindowS;

  const total = sessions * perSession;
  const delivered = () => contacts.reduce((sum, phone) => sum + stack.sim.received(phone).length, 0);
  const cpuBefore = cpuSeconds(pid);
  const started = performance.now();
  const sends = sessionIds.flatMap((session, index) =>
    Array.from({ length: perSession }, (_, n) => ({ session, to: contacts[(index + n) % contacts.length]!, text: `cpu ${index}-${n}`, is_group: false })),
  );
  let next = 0;
  await Promise.all(Array.from({ length: 8 }, async () => {
    while (next < sends.length) await call(stack.apiUrl, '/message/send-text', { body: sends[next++], apiKey });
  }));
  const deadline = Date.now() + 180_000;
  while (delivered() < total && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  const seconds = (performance.now() - started) / 1000;
  if (delivered() < total) throw new Error(`${delivered()} of ${total} messages delivered within the time limit`);
  const busyCpu = cpuSeconds(pid) - cpuBefore - idlePerSecond * seconds;
  const cpuPerMessageMs = (busyCpu / total) * 1000;

  const ceilingPerSecond = (500 * 20) / 60;
  const idlePerSessionMs = (idlePerSecond / sessions) * 1000;
  const needed = 500 * (idlePerSessionMs / 1000) + ceilingPerSecond * (cpuPerMessageMs / 1000);
  report('connector-cpu', [
    { metric: `CPU per sent message (${total} messages over ${sessions} sessions)`, value: round(cpuPerMessageMs, 2), unit: 'ms' },
    { metric: 'delivery throughput of the run', value: round(total / seconds, 1), unit: 'msg/s' },
    { metric: `idle CPU per connected session (${sessions} sessions)`, value: round(idlePerSessionMs, 3), unit: 'ms/s' },
    { metric: '500 sessions at 20/min (166.7 msg/s), computed', value: round(needed, 2), unit: 'vCPU', target: '≤ 1 vCPU', met: needed <= 1 },
  ], { sessions, messages: total, seconds, idlePerSecond, busyCpu, settings: 'SEND_MIN_GAP_MS=100, SEND_JITTER_MS=0, rate limits raised; 500-session figure extrapolated from the measured per-message and idle costs' });
} finally {
  await stack.stop();
}
