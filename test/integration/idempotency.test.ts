import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { storeMessage } from '../../shared/messages/repository.ts';
import { pendingText } from '../support/messages.ts';

const pendingMessage = (userId: number) => pendingText({ userId });

describe('idempotency keys', () => {
  const nowSeconds = () => Math.floor(Date.now() / 1000);

  it('hold a key while the claim lasts, answering the first message', async () => {
    const claim = { userId: 7, key: `key-${randomUUID()}`, requestHash: 'hash', expiresAt: nowSeconds() + 3600 };
    const first = pendingMessage(7);
    expect(await storeMessage(first, [], claim)).toEqual({ stored: true });

    expect(await storeMessage(pendingMessage(7), [], claim)).toEqual({
      stored: false,
      existing: { messageId: first.messageId, requestHash: 'hash' },
    });
  });

  it('free a key once its claim has expired, though DynamoDB has not yet removed the claim', async () => {
    const key = `key-${randomUUID()}`;
    expect(await storeMessage(pendingMessage(7), [], { userId: 7, key, requestHash: 'old', expiresAt: nowSeconds() - 60 })).toEqual({
      stored: true,
    });

    expect(await storeMessage(pendingMessage(7), [], { userId: 7, key, requestHash: 'new', expiresAt: nowSeconds() + 3600 })).toEqual({
      stored: true,
    });
  });
});
