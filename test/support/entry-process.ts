import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { pollUntil } from './poll.ts';

const projectRoot = new URL('../..', import.meta.url).pathname;
const running = new Set<ChildProcess>();

export interface EntryProcess {
  child: ChildProcess;
  /** Its stdout and stderr so far. */
  output(): string;
}

/** Runs an npm script's entry (`test/wa-sim/start-local.ts`…) as the script does, with only the settings a newcomer would have. */
export function startEntry(entry: string, env: Record<string, string>): EntryProcess {
  const child = spawn(process.execPath, [entry], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'WARN', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += String(chunk)));
  child.stderr?.on('data', (chunk: Buffer) => (output += String(chunk)));
  return { child, output: () => output };
}

export async function waitForOutput(started: EntryProcess, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  const match = await pollUntil(
    () => {
      if (started.child.exitCode !== null) throw new Error(`exited early: ${started.output()}`);
      return started.output().match(pattern);
    },
    (found) => found !== null,
    { timeoutMs, failure: () => `timed out waiting for ${pattern}: ${started.output()}` },
  );
  return match as RegExpMatchArray;
}

export function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** Kills every entry still running and everything it started (emulators, connector), for a test's clean-up. */
export function killEntries(): void {
  for (const child of running) {
    for (const pid of [...descendantsOf(child.pid ?? -1), child.pid ?? -1]) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  }
}

function descendantsOf(pid: number): number[] {
  let children: number[];
  try {
    children = execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    children = [];
  }
  return children.flatMap((child) => [child, ...descendantsOf(child)]);
}
