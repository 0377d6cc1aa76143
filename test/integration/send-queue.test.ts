import { describe, expect, it } from 'vitest';
import type { Message } from '../../shared/messages/message.ts';
import { getMessage, transition } from '../../shared/messages/repository.ts';
import { sendToShardQueue } from '../../shared/queues/fifo.ts';
import { enqueueSend, sendQueueMessage } from '../../shared/queues/send.ts';
import { getSession } from '../../shared/sessions/repository.ts';
import { pendingText, storeTextMessage } from '../support/messages.ts';
import { pollUntil } from '../support/poll.ts';
import { addContact, linkSession, textOf, waitForReceived } from '../support/sim.ts';
import { registerUser } from '../support/users.ts';

/** The stored message once it reaches `status`. */
const waitForStored = (messageId: string, status: Message['status']) =>
  pollUntil(
    () => getMessage(messageId),
    (stored) => stored?.status === status,
    { timeoutMs: 10_000 },
  );

describe('the send queue', () => {
  it('carries what a send needs, and only the id of a message too large to carry', async () => {
    const text = (words: string) =>
      pendingText({ messageId: 'msg_1', sessionId: 's', userId: 1, to: '1', jid: '1@s.whatsapp.net', text: words });

    expect(sendQueueMessage(text('hi'))).toEqual({
      messageId: 'msg_1',
      sessionId: 's',
      userId: 1,
      content: { jid: '1@s.whatsapp.net', isGroup: false, content: { type: 'text', text: 'hi' } },
    });
    expect(sendQueueMessage(text('ü'.repeat(40_000)))).toEqual({ messageId: 'msg_1', sessionId: 's', userId: 1 });
  });

  it('sends a message whose queued copy is stale (an attempt already began) from its stored status, counting the attempt', async () => {
    const user = await registerUser();
    const { internalId } = await linkSession(user.apiKey);
    const contact = await addContact();
    const message = await storeTextMessage(internalId, contact, 'second attempt');
    expect(await transition(message, 'processing', { attempts: 1 })).toBe(true);

    await enqueueSend(message);

    const [received] = await waitForReceived(contact, 1);
    expect(textOf(received!)).toBe('second attempt');
    expect(await waitForStored(message.messageId, 'completed')).toMatchObject({ status: 'completed', attempts: 2 });
  });

  it('sends nothing for a queued copy of a message that has already ended', async () => {
    const user = await registerUser();
    const { internalId } = await linkSession(user.apiKey);
    const contact = await addContact();
    const message = await storeTextMessage(internalId, contact, 'already failed');
    expect(await transition(message, 'failed', { failureReason: 'given up' })).toBe(true);
    const after = await storeTextMessage(internalId, contact, 'the next one');

    await enqueueSend(message);
    await enqueueSend(after);

    const received = await waitForReceived(contact, 1);
    expect(received.map(textOf)).toEqual(['the next one']);
    expect(await getMessage(message.messageId)).toMatchObject({ status: 'failed', attempts: 0 });
  });

  it('sends nothing through a session that the queued message does not belong to, and leaves the message to its own', async () => {
    const [owner, other] = [await registerUser(), await registerUser()];
    const [own, foreign] = [await linkSession(owner.apiKey), await linkSession(other.apiKey)];
    const contact = await addContact();
    const message = await storeTextMessage(own.internalId, contact, 'only from its own number');
    const stray = { ...sendQueueMessage(message), sessionId: foreign.internalId };
    const foreignShard = (await getSession(foreign.internalId))!.shard;

    // The same message queued to the other tenant's session, once as its owner's and once as the other tenant's.
    await sendToShardQueue('send', foreignShard, stray, foreign.internalId, `${message.messageId}-a`);
    await sendToShardQueue('send', foreignShard, { ...stray, userId: other.id }, foreign.internalId, `${message.messageId}-b`);
    const marker = await storeTextMessage(foreign.internalId, contact, 'the other tenant’s own');
    await enqueueSend(marker);
    await waitForReceived(contact, 1);

    expect(await getMessage(message.messageId)).toMatchObject({ status: 'pending', attempts: 0 });
    await enqueueSend(message);
    const received = await waitForReceived(contact, 2);
    expect(received.map((each) => [textOf(each), each.from.split(/[:@]/)[0]])).toEqual([
      ['the other tenant’s own', foreign.phone.replace('+', '')],
      ['only from its own number', own.phone.replace('+', '')],
    ]);
  });
});
