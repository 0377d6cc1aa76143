import { describe, expect, it } from 'vitest';
import { admit, decodeRateLog, encodeRateLog, type RateLimit } from '../../shared/messages/rate-limits.ts';

const limit: RateLimit = { name: 'n', scope: 's', limit: 3, windowSeconds: 60 };

describe('admit', () => {
  it('admits while fewer than the limit fall in the window before now, keeping only those', () => {
    expect(admit(limit, [1_000, 50_000, 70_000], 61_500)).toEqual({ admitted: true, times: [50_000, 61_500, 70_000] });
  });

  it('refuses a full window until its oldest admission leaves it', () => {
    expect(admit(limit, [10_000, 20_000, 30_000], 40_000)).toEqual({ admitted: false, retryAfterSeconds: 30 });
    expect(admit(limit, [10_000, 20_000, 30_000], 69_999)).toEqual({ admitted: false, retryAfterSeconds: 1 });
    expect(admit(limit, [10_000, 20_000, 30_000], 70_000)).toMatchObject({ admitted: true });
  });
});

describe('the stored log', () => {
  it('round-trips times an hour apart to the millisecond', () => {
    const times = [1_764_000_000_000, 1_764_000_000_001, 1_764_003_599_999];
    expect(decodeRateLog(encodeRateLog(times))).toEqual(times);
  });

  it('reads a log never written as empty', () => {
    expect(decodeRateLog(undefined)).toEqual([]);
  });
});
