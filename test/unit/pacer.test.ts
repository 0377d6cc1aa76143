import { describe, expect, it } from 'vitest';
import { Pacer, type PacerClock } from '../../connector/sending/pacer.ts';

/** A clock that stands still until a wait sleeps (or the test moves it), with a fixed chance. */
function fakeClock(chance = 0): PacerClock & { at: number; slept: number[] } {
  const clock = {
    at: 1_000_000,
    slept: [] as number[],
    now: () => clock.at,
    random: () => chance,
    sleep: async (ms: number) => {
      clock.slept.push(ms);
      clock.at += ms;
    },
  };
  return clock;
}

const signal = new AbortController().signal;

describe('the pacer', () => {
  it('lets a session send at once the first time', async () => {
    const clock = fakeClock();
    const pacer = new Pacer(2_000, 1_000, clock);

    await pacer.wait('ses_a', signal);

    expect(clock.slept).toEqual([]);
  });

  it('holds the next send of a session for the minimum gap since its last send', async () => {
    const clock = fakeClock();
    const pacer = new Pacer(2_000, 0, clock);

    pacer.sent('ses_a');
    clock.at += 500;
    await pacer.wait('ses_a', signal);
    await pacer.wait('ses_a', signal);

    expect(clock.slept).toEqual([1_500]);
  });

  it('does not hold a send once the gap has passed', async () => {
    const clock = fakeClock();
    const pacer = new Pacer(2_000, 0, clock);

    pacer.sent('ses_a');
    clock.at += 2_000;
    await pacer.wait('ses_a', signal);

    expect(clock.slept).toEqual([]);
  });

  it.each([
    [0, 2_000],
    [0.5, 2_500],
    [0.999, 2_999],
  ])('adds jitter within its bound: at chance %d the gap is %d ms', async (chance, gap) => {
    const clock = fakeClock(chance);
    const pacer = new Pacer(2_000, 1_000, clock);

    pacer.sent('ses_a');
    await pacer.wait('ses_a', signal);

    expect(clock.slept).toEqual([gap]);
  });

  it('paces each session on its own', async () => {
    const clock = fakeClock();
    const pacer = new Pacer(2_000, 1_000, clock);

    pacer.sent('ses_a');
    await pacer.wait('ses_b', signal);

    expect(clock.slept).toEqual([]);
  });

  it('stops holding a send when its signal aborts', async () => {
    const pacer = new Pacer(60_000, 0);
    const controller = new AbortController();
    pacer.sent('ses_a');

    const waiting = pacer.wait('ses_a', controller.signal);
    controller.abort();

    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
  });
});
