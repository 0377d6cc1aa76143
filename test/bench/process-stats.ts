import { readFileSync } from 'node:fs';

// Linux reports utime and stime in clock ticks; USER_HZ is 100 on every Linux Node runs on.
const ticksPerSecond = 100;

/** Resident set size of a process, from /proc/<pid>/status. */
export function rssBytes(pid: number): number {
  const kib = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  if (kib === undefined) throw new Error(`No VmRSS for process ${pid}`);
  return Number(kib) * 1024;
}

/** User plus system CPU time a process has used, in seconds, from /proc/<pid>/stat. */
export function cpuSeconds(pid: number): number {
  // The command name (field 2) may hold spaces; fields after its closing parenthesis are fixed.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}

/** Waits until the process uses less than `maxShare` of a CPU over a 2 s window (bounded by `timeoutMs`). */
export async function waitUntilIdle(pid: number, options: { maxShare?: number; timeoutMs?: number } = {}): Promise<number> {
  const { maxShare = 0.05, timeoutMs = 60_000 } = options;
  const deadline = Date.now() + timeoutMs;
  let share = Number.POSITIVE_INFINITY;
  while (Date.now() < deadline) {
    const before = cpuSeconds(pid);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    share = (cpuSeconds(pid) - before) / 2;
    if (share <= maxShare) return share;
  }
  return share;
}
