import { randomInt } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { sessionStateSink } from '../../connector/sessions/sinks/session-state.ts';
import { newSessionId } from '../../shared/ids.ts';
import { applyConnectorUpdate, createSession, getSession } from '../../shared/sessions/repository.ts';

async function sessionWrittenWithFence(fence: number) {
  const now = new Date().toISOString();
  const sessionId = newSessionId();
  await createSession({
    sessionId,
    name: `sink-${sessionId}`,
    userId: 77,
    phoneNumber: `+6281${randomInt(100_000_000, 999_999_999)}`,
    shard: 0,
    status: 'starting',
    method: 'qr',
    createdAt: now,
    updatedAt: now,
  });
  await applyConnectorUpdate(sessionId, fence, { status: 'reconnecting' }, now);
  return sessionId;
}

/** Who the session belongs to: the state sink writes without it. */
const owner = { sessionName: 'main', userId: 1, phoneNumber: '+15550001111', phoneOfLid: async () => undefined };

describe('the session-state sink', () => {
  it('writes a status with the shard’s fence and answers that it was written', async () => {
    const sessionId = await sessionWrittenWithFence(5);
    const superseded = vi.fn();

    const written = await sessionStateSink(
      { kind: 'session-state', update: { status: 'connected' } },
      { sessionId, ...owner, fence: () => 5, superseded },
    );

    expect(written).toBe(true);
    expect((await getSession(sessionId))?.status).toBe('connected');
    expect(superseded).not.toHaveBeenCalled();
  });

  it('answers false and reports the session superseded when a newer connector has written since', async () => {
    const sessionId = await sessionWrittenWithFence(6);
    const superseded = vi.fn();

    const written = await sessionStateSink(
      { kind: 'session-state', update: { status: 'failed' } },
      { sessionId, ...owner, fence: () => 5, superseded },
    );

    expect(written).toBe(false);
    expect((await getSession(sessionId))?.status).toBe('reconnecting');
    expect(superseded).toHaveBeenCalledOnce();
  });
});
