import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { inboundWrite, inboundWritesSettled } from '../../connector/inbound/writes.ts';
import { logger } from '../../shared/logger.ts';

/** A write that fails `failures` times, then answers `answer`. */
function flaky<T>(failures: number, answer: T) {
  let calls = 0;
  return vi.fn(async () => {
    calls += 1;
    if (calls <= failures) throw new Error(`DynamoDB unavailable (${calls})`);
    return answer;
  });
}

describe('an inbound write', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('is tried again when it fails, and answers what it wrote once it succeeds', async () => {
    const write = flaky(2, 'stored');

    const outcome = inboundWrite('ses_A', 'WA1', 'a received message', write);
    await vi.runAllTimersAsync();

    expect(await outcome).toBe('stored');
    expect(write).toHaveBeenCalledTimes(3);
  });

  it('that never succeeds is logged as an error with its WhatsApp id, and never throws', async () => {
    const error = vi.spyOn(logger(), 'error').mockImplementation(() => undefined);
    const write = flaky(Number.POSITIVE_INFINITY, 'stored');

    const outcome = inboundWrite('ses_B', 'WA2', 'a received message', write);
    await vi.runAllTimersAsync();

    expect(await outcome).toBeUndefined();
    expect(write).toHaveBeenCalledTimes(5);
    expect(error).toHaveBeenCalledWith(
      'Could not store a received message; it is lost',
      expect.objectContaining({ sessionId: 'ses_B', waMessageId: 'WA2' }),
    );
  });

  it('of a session waits for the one before, even while that one is retried; another session’s does not', async () => {
    const done: string[] = [];
    const message = flaky(1, undefined);
    const first = inboundWrite('ses_C', 'WA3', 'a received message', async () => {
      await message();
      done.push('message');
    });
    const edit = inboundWrite('ses_C', 'WA3', 'an edit', async () => void done.push('edit'));
    const other = inboundWrite('ses_D', 'WA4', 'a received message', async () => void done.push('other session'));
    const settled = inboundWritesSettled('ses_C').then(() => done.push('settled'));

    await vi.runAllTimersAsync();
    await Promise.all([first, edit, other, settled]);

    expect(message).toHaveBeenCalledTimes(2);
    expect(done).toEqual(['other session', 'message', 'edit', 'settled']);
  });
});
