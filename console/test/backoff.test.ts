import { afterEach, describe, expect, it, vi } from 'vitest';
import { nextDelay, Poller } from '../src/lib/backoff.ts';

function setHidden(hidden: boolean) {
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('the polling back-off', () => {
  afterEach(() => {
    vi.useRealTimers();
    setHidden(false);
  });

  it('doubles from 1 s to at most 15 s while nothing changes, and is back at 1 s after a change', () => {
    const delays = [1_000];
    for (let step = 0; step < 5; step++) delays.push(nextDelay(delays.at(-1)!, false));
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 15_000, 15_000]);
    expect(nextDelay(15_000, true)).toBe(1_000);
  });

  it('polls on that schedule, reports only changed values, and starts over when poked', async () => {
    vi.useFakeTimers();
    let value = 'a';
    const load = vi.fn(async () => value);
    const seen: string[] = [];
    const poller = new Poller({ load, onValue: (next) => seen.push(next), onError: () => undefined });
    poller.start();
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(1_000 + 2_000 + 4_000);
    expect(load).toHaveBeenCalledTimes(4);
    expect(poller.currentDelayMs).toBe(8_000);

    value = 'b';
    await vi.advanceTimersByTimeAsync(8_000);
    expect(seen).toEqual(['a', 'b']);
    expect(poller.currentDelayMs).toBe(1_000);

    await vi.advanceTimersByTimeAsync(1_000);
    expect(poller.currentDelayMs).toBe(2_000);
    poller.poke();
    await vi.advanceTimersByTimeAsync(0);
    expect(load).toHaveBeenCalledTimes(7);
    poller.stop();
  });

  it('stops while the page is hidden and polls at once when it is shown again', async () => {
    vi.useFakeTimers();
    const load = vi.fn(async () => 'same');
    const poller = new Poller({ load, onValue: () => undefined, onError: () => undefined });
    poller.start();
    await vi.advanceTimersByTimeAsync(0);
    setHidden(true);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(load).toHaveBeenCalledTimes(1);
    setHidden(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(load).toHaveBeenCalledTimes(2);
    poller.stop();
  });

  it('reports a failure, backs off, and reports the value again once loading works', async () => {
    vi.useFakeTimers();
    let fail = false;
    const seen: string[] = [];
    const errors: unknown[] = [];
    const poller = new Poller({
      load: async () => {
        if (fail) throw new Error('offline');
        return 'same';
      },
      onValue: (value) => seen.push(value),
      onError: (error) => errors.push(error),
    });
    poller.start();
    await vi.advanceTimersByTimeAsync(0);
    fail = true;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(errors).toHaveLength(1);
    expect(poller.currentDelayMs).toBe(2_000);
    fail = false;
    await vi.advanceTimersByTimeAsync(2_000);
    expect(seen).toEqual(['same', 'same']);
    poller.stop();
  });
});
