import { describe, expect, it } from 'vitest';
import { RateLimited } from '../../shared/errors.ts';
import { newSessionId } from '../../shared/ids.ts';
import { storeMessage } from '../../shared/messages/repository.ts';
import type { RateLimit } from '../../shared/messages/rate-limits.ts';
import { pendingText } from '../support/messages.ts';

const perMinute = (scope: string): RateLimit => ({ name: '20 messages per minute per session', scope, limit: 20, windowSeconds: 60 });

const pendingMessage = (sessionId: string) => pendingText({ sessionId, userId: 9 });

/** Stores one message at `atMs`: 'stored', or the 429's Retry-After. */
async function sendAt(sessionId: string, limits: RateLimit[], atMs: number): Promise<'stored' | number> {
  try {
    await storeMessage(pendingMessage(sessionId), limits, undefined, () => atMs);
    return 'stored';
  } catch (error) {
    if (error instanceof RateLimited) return error.retryAfterSeconds;
    throw error;
  }
}

describe('rate limits (sliding windows, DynamoDB Local)', () => {
  // Half a second before a minute begins on the clock: calendar windows would admit 20 on each side.
  const beforeBoundary = Math.ceil(Date.now() / 60_000) * 60_000 + 60_000 - 500;

  it('admit exactly 20 of 40 sends across a minute boundary, and the next once the first has left the window', async () => {
    const sessionId = newSessionId();
    const limits = [perMinute(`${sessionId}#minute`)];

    const before = await Promise.all(Array.from({ length: 20 }, () => sendAt(sessionId, limits, beforeBoundary)));
    const after = await Promise.all(Array.from({ length: 20 }, () => sendAt(sessionId, limits, beforeBoundary + 1_000)));

    expect(before.every((outcome) => outcome === 'stored')).toBe(true);
    expect(after).toEqual(Array(20).fill(59));
    expect(await sendAt(sessionId, limits, beforeBoundary + 59_999)).toBe(1);
    expect(await sendAt(sessionId, limits, beforeBoundary + 60_001)).toBe('stored');
  });

  it('hold for any window-long stretch: a slot opens when the oldest admission in the window leaves it', async () => {
    const sessionId = newSessionId();
    const limits = [{ ...perMinute(`${sessionId}#minute`), limit: 3 }];
    const start = beforeBoundary;

    expect(await sendAt(sessionId, limits, start)).toBe('stored');
    expect(await sendAt(sessionId, limits, start + 20_000)).toBe('stored');
    expect(await sendAt(sessionId, limits, start + 40_000)).toBe('stored');
    expect(await sendAt(sessionId, limits, start + 50_000)).toBe(10);
    expect(await sendAt(sessionId, limits, start + 60_001)).toBe('stored');
    expect(await sendAt(sessionId, limits, start + 70_000)).toBe(10);
  });

  it('admit exactly the limit of many concurrent sends, and write nothing for the refused ones', async () => {
    const sessionId = newSessionId();
    const limits = [perMinute(`${sessionId}#minute`), { name: 'hour', scope: `${sessionId}#hour`, limit: 500, windowSeconds: 3_600 }];

    const outcomes = await Promise.all(Array.from({ length: 30 }, () => sendAt(sessionId, limits, Date.now())));

    expect(outcomes.filter((outcome) => outcome === 'stored')).toHaveLength(20);
    // The hour's log holds the 20 admitted, not the 10 refused: room for exactly one more under a limit of 21.
    const hourly = { name: 'hour', scope: `${sessionId}#hour`, limit: 21, windowSeconds: 3_600 };
    expect(await sendAt(sessionId, [hourly], Date.now())).toBe('stored');
    expect(await sendAt(sessionId, [hourly], Date.now())).toBeGreaterThan(3_000);
  });
});
