import { config } from '../config.ts';

export interface RateLimit {
  /** The limit's name, as a refusal reports it. */
  name: string;
  /** Names the limit and its subject (the session's internal id); one log item per scope. */
  scope: string;
  limit: number;
  windowSeconds: number;
}

/** The limits a message to `to` from the session `sessionId` (its internal id) counts against (config: RATE_LIMIT_*). */
export function rateLimitsFor(sessionId: string, to: string): RateLimit[] {
  const settings = config();
  return [
    {
      name: `${settings.RATE_LIMIT_PER_MINUTE} messages per minute per session`,
      scope: `${sessionId}#minute`,
      limit: settings.RATE_LIMIT_PER_MINUTE,
      windowSeconds: 60,
    },
    {
      name: `${settings.RATE_LIMIT_PER_HOUR} messages per hour per session`,
      scope: `${sessionId}#hour`,
      limit: settings.RATE_LIMIT_PER_HOUR,
      windowSeconds: 3_600,
    },
    {
      name: `${settings.RATE_LIMIT_PER_RECIPIENT_PER_HOUR} messages per hour to one recipient per session`,
      scope: `${sessionId}#to#${to}`,
      limit: settings.RATE_LIMIT_PER_RECIPIENT_PER_HOUR,
      windowSeconds: 3_600,
    },
  ];
}

export type Admission = { admitted: true; times: number[] } | { admitted: false; retryAfterSeconds: number };

/**
 * Sliding windows: a limit of N per window holds for every window-long stretch of time, not per
 * calendar minute or hour. `times` are the admissions still on record (epoch ms); a new one at
 * `nowMs` is admitted while fewer than N fall within the window before it, and the log it leaves
 * keeps only those (at most N entries).
 */
export function admit(limit: RateLimit, times: readonly number[], nowMs: number): Admission {
  const windowMs = limit.windowSeconds * 1000;
  const live = times.filter((time) => time > nowMs - windowMs).sort((a, b) => a - b);
  if (live.length < limit.limit) return { admitted: true, times: [...live, nowMs].sort((a, b) => a - b) };
  // A slot opens when the oldest admission that keeps the window full leaves it.
  const opensAt = live[live.length - limit.limit]! + windowMs;
  return { admitted: false, retryAfterSeconds: Math.max(1, Math.ceil((opensAt - nowMs) / 1000)) };
}

/**
 * A log as stored: offsets in ms from `base` (its oldest entry), four bytes each, so the hour's
 * 500 entries take 2 KB of item rather than the ~5 KB a list of numbers would.
 */
export function encodeRateLog(times: readonly number[]): { base: number; offsets: Uint8Array } {
  const base = times[0] ?? 0;
  const offsets = Buffer.alloc(times.length * 4);
  times.forEach((time, index) => offsets.writeUInt32BE(time - base, index * 4));
  return { base, offsets };
}

export function decodeRateLog(item: { base?: unknown; offsets?: unknown } | undefined): number[] {
  if (!item || !(item.offsets instanceof Uint8Array)) return [];
  const bytes = Buffer.from(item.offsets.buffer, item.offsets.byteOffset, item.offsets.byteLength);
  const base = Number(item.base);
  return Array.from({ length: Math.floor(bytes.length / 4) }, (_, index) => base + bytes.readUInt32BE(index * 4));
}
