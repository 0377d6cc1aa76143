import { linkSessions, registerUser, startBenchStack, waitForAll } from './bench-stack.ts';
import { report, round } from './report.ts';

/**
 * Sessions on one connector; kill it (SIGKILL); time until all are `connected` on the survivor.
 * One shard, so the survivor (already running) holds nothing until the victim's lease lapses.
 * Anchor: ~8 minutes for 100 connections in the nearest peer; target ≤ 60 s.
 */
const sessions = Number(process.env.BENCH_FAILOVER_SESSIONS ?? 100);
const leaseTtlMs = 15_000;
const stack = await startBenchStack({
  connector: true,
  env: { SHARD_COUNT: '1', LEASE_TTL_MS: String(leaseTtlMs), LEASE_RENEW_MS: '5000' },
});
try {
  const apiKey = await registerUser(stack.apiUrl);
  const linked = await linkSessions(stack, apiKey, sessions, { concurrency: 4, timeoutMs: 300_000 });
  await stack.startConnector();
  const killedAt = Date.now();
  await stack.connector!.kill();
  // `connected` in the table may still be the victim's last word: the simulator says who is online.
  const online = () => stack.sim.accounts().filter((account) => ids.has(account.phone) && account.online).length;
  const ids = new Set(linked.sessionIds);
  while (online() === sessions && Date.now() - killedAt < 10_000) await new Promise((resolve) => setTimeout(resolve, 20));
  while (online() < sessions && Date.now() - killedAt < 120_000) await new Promise((resolve) => setTimeout(resolve, 100));
  await waitForAll(stack.apiUrl, apiKey, linked.sessionIds, 'connected', Math.max(1_000, 120_000 - (Date.now() - killedAt)));
  const takeoverMs = Date.now() - killedAt;
  report(
    'failover',
    [
      { metric: `linking throughput (${sessions} sessions, 4 at a time)`, value: round(linked.perSecond, 2), unit: 'sessions/s' },
      {
        metric: `SIGKILL → all ${sessions} connected on the survivor`,
        value: round(takeoverMs / 1000, 1),
        unit: 's',
        target: '≤ 60 s (peer: ~8 min)',
        met: takeoverMs <= 60_000,
      },
      { metric: 'online at the simulator afterwards', value: `${online()}/${sessions}`, unit: '' },
    ],
    { sessions, leaseTtlMs, takeoverMs, linkMs: linked.ms },
  );
} finally {
  await stack.stop();
}
