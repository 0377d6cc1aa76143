/** How often live views poll: every second after a change, doubling up to 15 s while nothing changes. */
export const pollSchedule = { minMs: 1_000, maxMs: 15_000 } as const;

export function nextDelay(previousMs: number, changed: boolean, schedule: { minMs: number; maxMs: number } = pollSchedule): number {
  return changed ? schedule.minMs : Math.min(previousMs * 2, schedule.maxMs);
}

export interface PollerOptions<T> {
  /** Fetches the current value; after a rejection the schedule backs off as if nothing changed, and the next value is reported. */
  readonly load: () => Promise<T>;
  readonly onValue: (value: T) => void;
  readonly onError: (error: unknown) => void;
  /** Whether two values differ; by their JSON when not given. */
  readonly changed?: (previous: T, next: T) => boolean;
}

/**
 * Polls with back-off, and only while the page is visible: hidden, it stops; shown again, it
 * polls at once. `poke()` (after a user action) polls now and restarts the schedule.
 */
export class Poller<T> {
  private delay: number = pollSchedule.minMs;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private previous: { value: T } | undefined;
  private failed = false;
  private stopped = false;
  private generation = 0;
  private readonly onVisibility = () => (document.hidden ? this.pause() : this.poke());

  private readonly options: PollerOptions<T>;

  constructor(options: PollerOptions<T>) {
    this.options = options;
  }

  start(): void {
    document.addEventListener('visibilitychange', this.onVisibility);
    if (!document.hidden) void this.tick();
  }

  stop(): void {
    this.stopped = true;
    this.pause();
    document.removeEventListener('visibilitychange', this.onVisibility);
  }

  poke(): void {
    this.pause();
    this.delay = pollSchedule.minMs;
    void this.tick();
  }

  /** The delay before the next poll, for tests and the view's "updated" note. */
  get currentDelayMs(): number {
    return this.delay;
  }

  private pause(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.generation++;
  }

  private async tick(): Promise<void> {
    const generation = ++this.generation;
    let changed = false;
    try {
      const value = await this.options.load();
      if (this.stopped || generation !== this.generation) return;
      const { previous } = this;
      changed = this.failed || !previous || (this.options.changed ?? differs)(previous.value, value);
      this.previous = { value };
      this.failed = false;
      if (changed) this.options.onValue(value);
    } catch (error) {
      if (this.stopped || generation !== this.generation) return;
      this.failed = true;
      this.options.onError(error);
    }
    this.delay = nextDelay(this.delay, changed);
    if (!document.hidden) this.timer = setTimeout(() => void this.tick(), this.delay);
  }
}

const differs = (previous: unknown, next: unknown) => JSON.stringify(previous) !== JSON.stringify(next);
