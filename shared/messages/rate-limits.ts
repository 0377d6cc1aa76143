import { config } from '../config.ts';

export interface RateLimit {
  /** The limit's name, as a 429 reports it. */
  name: string;
  /** Names the limit and its subject; one window item per scope and window. */
  scope: string;
  limit: number;
  windowSeconds: number;
}

/** The limits a message to `to` from `sessionId` counts against (config: RATE_LIMIT_*). */
export function rateLimitsFor(sessionId: string, to: string): RateLimit[] {
  const settings = config();
  return [
    { name: `${settings.RATE_LIMIT_PER_MINUTE} messages per minute per session`, scope: `${sessionId}#minute`, limit: settings.RATE_LIMIT_PER_MINUTE, windowSeconds: 60 },
    { name: `${settings.RATE_LIMIT_PER_HOUR} messages per hour per session`, scope: `${sessionId}#hour`, limit: settings.RATE_LIMIT_PER_HOUR, windowSeconds: 3_600 },
    {
      name: `${settings.RATE_LIMIT_PER_RECIPIENT_PER_HOUR} messages per hour to one recipient per session`,
      scope: `${sessionId}#to#${to}`,
      limit: settings.RATE_LIMIT_PER_RECIPIENT_PER_HOUR,
      windowSeconds: 3_600,
    },
  ];
}

/** The fixed window containing `nowMs`: its start (epoch seconds) and the seconds left in it. */
export function windowAt(limit: RateLimit, nowMs: number): { start: number; remainingSeconds: number } {
  const now = Math.floor(nowMs / 1000);
  const start = now - (now % limit.windowSeconds);
  return { start, remainingSeconds: start + limit.windowSeconds - nowMs / 1000 };
}
