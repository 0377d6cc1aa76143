/** Waiting for a simulator event that matches, with a deadline. */
import type { EventEmitter } from 'node:events';
import type { SimEventMap } from './context.ts';
import { SimError } from './errors.ts';

export const waitForEvent = <K extends keyof SimEventMap>(
  events: EventEmitter<SimEventMap>,
  event: K,
  matches: (...args: SimEventMap[K]) => boolean,
  timeoutMs: number,
  what: string,
): Promise<SimEventMap[K]> =>
  new Promise((resolve, reject) => {
    const listener = (...args: SimEventMap[K]) => {
      if (!matches(...args)) return;
      cleanup();
      resolve(args);
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new SimError(504, `timed out waiting for ${what}`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      events.off(event, listener as never);
    };
    events.on(event, listener as never);
  });
