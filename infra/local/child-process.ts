import type { ChildProcess } from 'node:child_process';

/** Whether the child has ended; one killed by a signal has `signalCode` set and `exitCode` still null. */
export function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** SIGTERM, the graceful stop; SIGKILL if the child has not exited within `graceMs`. */
export function terminate(child: ChildProcess, graceMs: number): Promise<void> {
  if (hasExited(child)) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
