import { randomUUID } from 'node:crypto';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dynamoClient } from '../../shared/aws-clients.ts';
import { advance, getMessage, getStats, storeMessage, transition } from '../../shared/messages/repository.ts';
import { pendingText } from '../support/messages.ts';

const pendingMessage = (sessionId: string) => pendingText({ sessionId });

afterEach(() => vi.restoreAllMocks());

describe('message transitions', () => {
  it('retries a transaction cancelled by a conflict on the stats item instead of giving the message up', async () => {
    const message = pendingMessage(`transitions-${randomUUID()}`);
    await storeMessage(message, []);
    // DynamoDB Local serializes transactions and never reports this cancellation, so it is injected once at the SDK boundary.
    const client = dynamoClient();
    const send = client.send.bind(client);
    let injected = false;
    // eslint-disable-next-line @typescript-eslint/no-misused-promises -- send's overloads include a callback form; this stands for the promise form
    vi.spyOn(client, 'send').mockImplementation(((command: unknown) => {
      if (!injected && command instanceof TransactWriteCommand) {
        injected = true;
        return Promise.reject(
          new TransactionCanceledException({
            message: 'Transaction cancelled',
            $metadata: {},
            CancellationReasons: [{ Code: 'None' }, { Code: 'TransactionConflict' }],
          }),
        );
      }
      return send(command as never);
    }) as typeof client.send);

    const moved = await transition(message, 'processing', { attempts: 1 });

    expect(injected).toBe(true);
    expect(moved).toBe(true);
    expect((await getMessage(message.messageId))?.status).toBe('processing');
  });

  it('all land while new messages of the same session are stored at the same time, and the counters add up', async () => {
    const sessionId = `transitions-${randomUUID()}`;
    const first = Array.from({ length: 30 }, () => pendingMessage(sessionId));
    for (const message of first) await storeMessage(message, []);

    const [moved] = await Promise.all([
      Promise.all(first.map((message) => transition(message, 'processing', { attempts: 1 }))),
      Promise.all(Array.from({ length: 30 }, () => storeMessage(pendingMessage(sessionId), []))),
    ]);

    expect(moved.every(Boolean)).toBe(true);
    expect(await getStats(sessionId)).toEqual({ pending: 30, processing: 30, completed: 0, failed: 0 });
  });

  it('answers false, changing nothing, when the message has already moved on', async () => {
    const message = pendingMessage(`transitions-${randomUUID()}`);
    await storeMessage(message, []);
    expect(await transition(message, 'processing')).toBe(true);

    const stale = await transition(message, 'processing');

    expect(stale).toBe(false);
    expect((await getMessage(message.messageId))?.status).toBe('processing');
    expect(await getStats(message.sessionId)).toEqual({ pending: 0, processing: 1, completed: 0, failed: 0 });
  });

  it('records a read receipt that comes before the delivery receipt as delivered then read, and the late delivery as nothing', async () => {
    const message = pendingMessage(`transitions-${randomUUID()}`);
    await storeMessage(message, []);
    await advance(message.messageId, 'processing');
    await advance(message.messageId, 'completed');
    const readAt = new Date().toISOString();

    expect(await advance(message.messageId, 'read', { readAt })).toBe(true);
    expect(await advance(message.messageId, 'delivered', { deliveredAt: new Date().toISOString() })).toBe(false);

    const stored = await getMessage(message.messageId);
    expect(stored?.history.map((entry) => ('status' in entry ? entry.status : entry.event))).toEqual([
      'pending',
      'processing',
      'completed',
      'delivered',
      'read',
    ]);
    expect(stored).toMatchObject({ status: 'read', readAt, deliveredAt: readAt });
  });
});
