import { setTimeout } from 'node:timers/promises';

/** The time and chance a pacer reads; unit tests pass their own. */
export interface PacerClock {
  now(): number;
  /** In [0, 1), as `Math.random`. */
  random(): number;
  /** Resolves after `ms`; rejects if `signal` aborts first. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

const systemClock: PacerClock = {
  now: () => Date.now(),
  random: () => Math.random(),
  // The promise form removes its abort listener when the timer fires: `signal` lives as long as the poller.
  sleep: (ms, signal) => setTimeout(ms, undefined, { signal }),
};

/**
 * Spaces one session's sends: at least `minGapMs` apart plus up to `jitterMs` at random, so a full
 * window goes out spread like a person typing, never as a burst that gets a number banned.
 */
export class Pacer {
  readonly #minGapMs: number;
  readonly #jitterMs: number;
  readonly #clock: PacerClock;
  readonly #nextAt = new Map<string, number>();

  constructor(minGapMs: number, jitterMs: number, clock: PacerClock = systemClock) {
    this.#minGapMs = minGapMs;
    this.#jitterMs = jitterMs;
    this.#clock = clock;
  }

  /** Resolves when the session may send again; rejects if `signal` aborts first. */
  async wait(sessionId: string, signal: AbortSignal): Promise<void> {
    const delay = (this.#nextAt.get(sessionId) ?? 0) - this.#clock.now();
    if (delay <= 0) return;
    await this.#clock.sleep(delay, signal);
  }

  sent(sessionId: string): void {
    this.#nextAt.set(sessionId, this.#clock.now() + this.#minGapMs + this.#clock.random() * this.#jitterMs);
  }
}
