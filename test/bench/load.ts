export interface LoopResult {
  latencies: number[];
  perSecond: number;
}

/** Latencies (ms) of requests that `concurrency` closed-loop clients complete in `durationMs`. */
export async function closedLoop(request: () => Promise<void>, options: { concurrency: number; durationMs: number }): Promise<LoopResult> {
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

/**
 * Closed loops of several requests by the same clients, in rounds that alternate between them
 * (A B, then B A): whatever drifts during the run (DynamoDB Local's JIT, other load on the
 * machine) falls on each alike.
 */
export async function alternatingRounds<Name extends string>(
  requests: Record<Name, () => Promise<void>>,
  options: { concurrency: number; roundMs: number; rounds: number },
): Promise<Record<Name, LoopResult>> {
  const names = Object.keys(requests) as Name[];
  const measured = new Map(names.map((name) => [name, { latencies: [] as number[], ms: 0 }]));
  for (let round = 0; round < options.rounds; round++) {
    for (const name of round % 2 === 0 ? names : [...names].reverse()) {
      const started = performance.now();
      const { latencies } = await closedLoop(requests[name], { concurrency: options.concurrency, durationMs: options.roundMs });
      const total = measured.get(name)!;
      total.latencies.push(...latencies);
      total.ms += performance.now() - started;
    }
  }
  return Object.fromEntries(
    names.map((name) => {
      const { latencies, ms } = measured.get(name)!;
      return [name, { latencies, perSecond: (latencies.length * 1000) / ms }];
    }),
  ) as Record<Name, LoopResult>;
}
