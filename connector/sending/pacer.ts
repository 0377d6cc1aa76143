import { setTimeout } from 'node:timers/promises';

/**
 * Spaces one session's sends: at least `minGapMs` apart plus up to `jitterMs` at random, so a full
 * window goes out spread like a person typing, never as a burst that gets a number banned.
 */
export class Pacer {
  readonly #minGapMs: number;
  readonly #jitterMs: number;
  readonly #nextAt = new Map<string, number>();

  constructor(minGapMs: number, jitterMs: number) {
    this.#minGapMs = minGapMs;
    this.#jitterMs = jitterMs;
  }

  /** Resolves when the session may send again; rejects if `signal` aborts first. */
  async wait(sessionId: string, signal: AbortSignal): Promise<void> {
    const delay = (this.#nextAt.get(sessionId) ?? 0) - Date.now();
    if (delay <= 0) return;
    // The promise form removes its abort listener when the timer fires: `signal` lives as long as the poller.
    await setTimeout(delay, undefined, { signal });
  }

  sent(sessionId: string): void {
    this.#nextAt.set(sessionId, Date.now() + this.#minGapMs + Math.random() * this.#jitterMs);
  }
}
