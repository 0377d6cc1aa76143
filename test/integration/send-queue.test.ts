import { describe, expect, it } from 'vitest';
import type { MessageItem } from '../../shared/messages/message.ts';
import { getMessage, transition } from '../../shared/messages/repository.ts';
import { enqueueSend, sendQueueMessage } from '../../shared/queues/send.ts';
import { storeTextMessage } from '../support/messages.ts';
import { pollUntil } from '../support/poll.ts';
import { addContact, linkSession, textOf, waitForReceived } from '../support/sim.ts';
import { registerUser } from '../support/users.ts';

/** The stored message once it reaches `status`. */
const waitForStored = (messageId: string, status: MessageItem['status']) =>
  pollUntil(() => getMessage(messageId), (stored) => stored?.status === status, { timeoutMs: 10_000 });

describe('the send queue', () => {
  it('carries what a send needs, and only the id of a message too large to carry', async () => {
    const base = { messageId: 'msg_1', sessionId: 's', userId: 1, shard: 0, type: 'text', to: '1', jid: '1@s.whatsapp.net', isGroup: false, status: 'pending', attempts: 0, createdAt: '', updatedAt: '' } as const;

    expect(sendQueueMessage({ ...base, text: 'hi' })).toEqual({
      messageId: 'msg_1',
      sessionId: 's',
      userId: 1,
      content: { type: 'text', jid: '1@s.whatsapp.net', isGroup: false, text: 'hi' },
    });
    expect(sendQueueMessage({ ...base, text: 'ü'.repeat(40_000) })).toEqual({ messageId: 'msg_1', sessionId: 's', userId: 1 });
  });

  it('sends a message whose queued copy is stale (an attempt already began) from its stored status, counting the attempt', async () => {
    const user = await registerUser();
    const { sessionId } = await linkSession(user.apiKey);
    const contact = await addContact();
    const message = await storeTextMessage(sessionId, contact, 'second attempt');
    expect(await transition(message, 'processing', { attempts: 1 })).toBe(true);

    await enqueueSend(message);

    const [received] = await waitForReceived(contact, 1);
    expect(textOf(received!)).toBe('second attempt');
    expect(await waitForStored(message.messageId, 'completed')).toMatchObject({ status: 'completed', attempts: 2 });
  });

  it('sends nothing for a queued copy of a message that has already ended', async () => {
    const user = await registerUser();
    const { sessionId } = await linkSession(user.apiKey);
    const contact = await addContact();
    const message = await storeTextMessage(sessionId, contact, 'already failed');
    expect(await transition(message, 'failed', { failureReason: 'given up' })).toBe(true);
    const after = await storeTextMessage(sessionId, contact, 'the next one');

    await enqueueSend(message);
    await enqueueSend(after);

    const received = await waitForReceived(contact, 1);
    expect(received.map(textOf)).toEqual(['the next one']);
    expect(await getMessage(message.messageId)).toMatchObject({ status: 'failed', attempts: 0 });
  });
});
