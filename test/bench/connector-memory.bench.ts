import { linkSessions, registerUser, startBenchStack } from './bench-stack.ts';
import { connectInspector, inspectorPort } from './inspector.ts';
import { rssBytes, waitUntilIdle } from './process-stats.ts';
import { report, round, type Figure } from './report.ts';

/**
 * RSS per linked, idle session of one connector process, at 50 and 200 sessions, above the same
 * process's RSS with none. Anchor: WAHA documents ~60–80 MB per Baileys session; target ≤ 10 MB.
 * The target figure is RSS as the process leaves it; after it, the same process after a forced
 * full GC shows how much of that is held rather than garbage V8 has not yet collected.
 */
const counts = (process.env.BENCH_SESSION_COUNTS ?? '50,200').split(',').map(Number);
const targetMiB = 10;
const mib = (bytes: number) => bytes / 2 ** 20;

const { port, nodeArgs } = await inspectorPort();
const stack = await startBenchStack({ connector: true, connectorNodeArgs: nodeArgs });
const inspector = await connectInspector(port);
try {
  const pid = stack.connector!.pid;
  const apiKey = await registerUser(stack.apiUrl);
  const measure = async () => {
    await waitUntilIdle(pid);
    const rss = rssBytes(pid);
    await inspector.collectGarbage();
    return { rss, rssAfterGc: rssBytes(pid), heapUsed: (await inspector.memoryUsage()).heapUsed };
  };
  const baseline = await measure();
  const figures: Figure[] = [
    { metric: 'connector RSS, 0 sessions', value: round(mib(baseline.rss)), unit: 'MiB' },
    { metric: 'connector RSS after a full GC, 0 sessions', value: round(mib(baseline.rssAfterGc)), unit: 'MiB' },
  ];
  const steps: unknown[] = [];
  let linked = 0;
  for (const count of counts) {
    const link = await linkSessions(stack, apiKey, count - linked, { concurrency: 4, timeoutMs: 240_000 });
    linked = count;
    const now = await measure();
    const perSession = mib(now.rss - baseline.rss) / count;
    figures.push(
      {
        metric: `linking throughput (${link.sessionIds.length} sessions, 4 at a time)`,
        value: round(link.perSecond, 2),
        unit: 'sessions/s',
      },
      { metric: `connector RSS, ${count} idle sessions`, value: round(mib(now.rss)), unit: 'MiB' },
      {
        metric: `RSS per idle session at ${count}`,
        value: round(perSession, 2),
        unit: 'MiB',
        target: `≤ ${targetMiB} MiB (WAHA: 60–80 MB)`,
        met: perSession <= targetMiB,
      },
      {
        metric: `  after a full GC: RSS per session at ${count}`,
        value: round(mib(now.rssAfterGc - baseline.rssAfterGc) / count, 2),
        unit: 'MiB',
      },
      {
        metric: `  after a full GC: JS heap per session at ${count}`,
        value: round(mib(now.heapUsed - baseline.heapUsed) / count, 2),
        unit: 'MiB',
      },
    );
    steps.push({ sessions: count, ...now, linkMs: link.ms });
  }
  report('connector-memory', figures, { baseline, steps });
} finally {
  inspector.close();
  await stack.stop();
}
