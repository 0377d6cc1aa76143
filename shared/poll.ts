import { setTimeout as sleep } from 'node:timers/promises';

export interface PollOptions {
  timeoutMs: number;
  intervalMs: number;
  /** Stops the wait early (the answer is then the last read, not done). */
  signal?: AbortSignal;
}

/**
 * Reads until `done` holds for what `read` answers, or `timeoutMs` passes: the one wait for an
 * answer another process writes (the connector's QR or lookup result, a socket opening). Always
 * reads at least once; answers the last read and whether it was done.
 */
export async function pollUntil<T>(
  read: () => Promise<T> | T,
  done: (value: T) => boolean,
  options: PollOptions,
): Promise<{ value: T; done: boolean }> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return { value, done: true };
    if (options.signal?.aborted || Date.now() >= deadline) return { value, done: false };
    await sleep(Math.min(options.intervalMs, Math.max(0, deadline - Date.now())));
  }
}
