import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LeaseManager } from '../../connector/leases/lease-manager.ts';
import { listLeases } from '../../shared/leases/repository.ts';
import { applyConnectorUpdate, createSession, getSession } from '../../shared/sessions/repository.ts';
import { startIsolatedStack, type IsolatedStack } from '../support/isolated-stack.ts';

const shardCount = 4;

/** A lease manager that records what it was handed, against the real table. */
function manager(taskId: string) {
  const held = new Set<number>();
  const lease = new LeaseManager({
    taskId,
    shardCount,
    ttlMs: 2_000,
    renewMs: 300,
    onAcquired: async (acquired) => void held.add(acquired.shard),
    onLost: async (shard) => void held.delete(shard),
  });
  return { lease, held };
}

const until = async (condition: () => boolean, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

describe('LeaseManager', () => {
  let stack: IsolatedStack;
  beforeAll(async () => {
    stack = await startIsolatedStack({ shardCount });
  });
  afterAll(() => stack.stop());

  it('takes every shard alone, shares them evenly with a peer, and hands them back on stop', async () => {
    const a = manager('task-a');
    const b = manager('task-b');

    await a.lease.start();
    expect([...a.held].sort()).toEqual([0, 1, 2, 3]);
    await b.lease.start();
    await until(() => a.held.size === 2 && b.held.size === 2);
    expect([...a.held].some((shard) => b.held.has(shard))).toBe(false);

    await a.lease.stop();
    expect(a.held.size).toBe(0);
    await until(() => b.held.size === 4);
    await b.lease.stop();
  });

  it('gives a new holder a higher fence, so the old holder can no longer write a session', async () => {
    const a = manager('task-c');
    await a.lease.start();
    const now = new Date().toISOString();
    await createSession({
      sessionId: 'fenced',
      name: 'fenced',
      userId: 1,
      phoneNumber: '+62812000111',
      shard: 0,
      status: 'connected',
      method: 'qr',
      createdAt: now,
      updatedAt: now,
    });
    const oldFence = a.lease.fenceOf(0)!;
    expect(await applyConnectorUpdate('fenced', oldFence, { status: 'reconnecting' }, now)).toBe(true);

    await a.lease.stop();
    const b = manager('task-d');
    await b.lease.start();
    const newFence = b.lease.fenceOf(0)!;

    expect(newFence).toBeGreaterThan(oldFence);
    expect(await applyConnectorUpdate('fenced', newFence, { status: 'connected' }, now)).toBe(true);
    expect(await applyConnectorUpdate('fenced', oldFence, { status: 'failed' }, now)).toBe(false);
    expect((await getSession('fenced'))?.status).toBe('connected');
    expect((await listLeases()).find((lease) => lease.shard === 0)?.owner).toBe('task-d');
    await b.lease.stop();
  });
});
