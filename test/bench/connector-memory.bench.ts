import { linkSessions, registerUser, startBenchStack } from './bench-stack.ts';
import { rssBytes, waitUntilIdle } from './process-stats.ts';
import { report, round, type Figure } from './report.ts';

/**
 * RSS per linked, idle session of one connector process, at 50 and 200 sessions, above the same
 * process's RSS with none. Anchor: WAHA documents ~60–80 MB per Baileys session; target ≤ 10 MB.
 */
const counts = (process.env.BENCH_SESSION_COUNTS ?? '50,200').split(',').map(Number);
const targetMiB = 10;
const mib = (bytes: number) => bytes / 2 ** 20;

const stack = await startBenchStack({ connector: true });
try {
  const pid = stack.connector!.pid;
  const apiKey = await registerUser(stack.apiUrl);
  await waitUntilIdle(pid);
  const baseline = rssBytes(pid);
  const figures: Figure[] = [{ metric: 'connector RSS, 0 sessions', value: round(mib(baseline)), unit: 'MiB' }];
  const details: Record<string, unknown> = { baselineBytes: baseline, steps: [] };
  let linked = 0;
  for (const count of counts) {
    const link = await linkSessions(stack, apiKey, count - linked, { concurrency: 4, timeoutMs: 240_000 });
    linked = count;
    const idleShare = await waitUntilIdle(pid);
    const rss = rssBytes(pid);
    const perSession = mib(rss - baseline) / count;
    figures.push(
      { metric: `linking throughput (${link.sessionIds.length} sessions, 4 at a time)`, value: round(link.perSecond, 2), unit: 'sessions/s' },
      { metric: `connector RSS, ${count} idle sessions`, value: round(mib(rss)), unit: 'MiB' },
      { metric: `RSS per idle session at ${count}`, value: round(perSession, 2), unit: 'MiB', target: `≤ ${targetMiB} MiB (WAHA: 60–80 MB)`, met: perSession <= targetMiB },
    );
    (details.steps as unknown[]).push({ sessions: count, rssBytes: rss, idleCpuShare: idleShare, linkMs: link.ms });
  }
  report('connector-memory', figures, details);
} finally {
  await stack.stop();
}
