/**
 * Asks `probe` every `intervalMs` until `done` accepts its answer, and answers that; after
 * `timeoutMs` it throws, with `failure` describing the last answer.
 */
export async function pollUntil<T>(
  probe: () => Promise<T> | T,
  done: (answer: T) => boolean,
  options: { timeoutMs?: number; intervalMs?: number; failure?: (last: T | undefined) => string } = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await probe();
    if (done(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 100));
  }
  throw new Error(options.failure?.(last) ?? `timed out; last: ${JSON.stringify(last)}`);
}
