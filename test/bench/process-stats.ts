import { readdirSync, readFileSync } from 'node:fs';

// Linux reports utime and stime in clock ticks; USER_HZ is 100 on every Linux Node runs on.
const ticksPerSecond = 100;

/** Resident set size of a process, from /proc/<pid>/status. */
export function rssBytes(pid: number): number {
  const kib = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  if (kib === undefined) throw new Error(`No VmRSS for process ${pid}`);
  return Number(kib) * 1024;
}

/** The fields of /proc/<pid>/stat after the command name (which may hold spaces), from the state on. */
function statFields(pid: number): string[] {
  return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
}

/** User plus system CPU time a process has used, in seconds, from /proc/<pid>/stat. */
export function cpuSeconds(pid: number): number {
  const fields = statFields(pid);
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}

/**
 * Starts counting the CPU that processes other than this one and its descendants (the stack's
 * JVM, connectors) use, e.g. another job on the machine; the function answers it in cores since.
 */
export function watchOtherProcessesCpu(): () => number {
  const started = { at: performance.now(), machine: machineBusySeconds(), ours: ourCpuSeconds() };
  return () => {
    const seconds = (performance.now() - started.at) / 1000;
    const others = machineBusySeconds() - started.machine - (ourCpuSeconds() - started.ours);
    return Math.max(0, others / seconds);
  };
}

/** Starts counting the CPU the whole machine uses; the function answers it in cores since. */
export function watchMachineCpu(): () => number {
  const started = { at: performance.now(), busy: machineBusySeconds() };
  return () => (machineBusySeconds() - started.busy) / ((performance.now() - started.at) / 1000);
}

/** CPU time all cores have spent busy since boot, in seconds, from /proc/stat. */
function machineBusySeconds(): number {
  const [user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]!
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  return (user! + nice! + system! + irq! + softirq! + steal!) / ticksPerSecond;
}

/** CPU time of this process, of its descendants, and of the children they have reaped, in seconds. */
function ourCpuSeconds(): number {
  let ticks = 0;
  for (const pid of [process.pid, ...descendants(process.pid)]) {
    try {
      const fields = statFields(pid);
      ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    } catch {
      // Exited since it was listed: its time is counted in its parent's reaped children.
    }
  }
  return ticks / ticksPerSecond;
}

function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const parent = Number(statFields(Number(entry))[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // Exited while listing.
    }
  }
  const found: number[] = [];
  const visit = (pid: number) => {
    for (const child of children.get(pid) ?? []) {
      found.push(child);
      visit(child);
    }
  };
  visit(root);
  return found;
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
