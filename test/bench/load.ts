/** Latencies (ms) of requests that `concurrency` closed-loop clients complete in `durationMs`. */
export async function closedLoop(request: () => Promise<void>, options: { concurrency: number; durationMs: number }): Promise<{ latencies: number[]; perSecond: number }> {
  const latencies: number[] = [];
  const started = performance.now();
  const client = async () => {
    while (performance.now() - started < options.durationMs) {
      const sent = performance.now();
      await request();
      latencies.push(performance.now() - sent);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, client));
  return { latencies, perSecond: (latencies.length * 1000) / (performance.now() - started) };
}
