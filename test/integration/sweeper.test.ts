import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { handler as sweep } from '../../lambdas/jobs/sweep-pending.ts';
import { queueUrl, sqsClient } from '../../shared/aws-clients.ts';
import { newMessageId } from '../../shared/messages/ids.ts';
import type { MessageItem } from '../../shared/messages/message.ts';
import { getMessage, storeMessage } from '../../shared/messages/repository.ts';
import { deadLetterReason } from '../../shared/messages/sweeper.ts';
import { getSession } from '../../shared/sessions/repository.ts';
import { addContact, linkSession, textOf, waitForReceived } from '../support/sim.ts';
import { registerUser } from '../support/users.ts';

/** A message stored as the API stores it, but whose enqueue was lost. */
async function storedButNotQueued(sessionId: string, to: string, text: string, ageMs: number): Promise<MessageItem> {
  const session = (await getSession(sessionId))!;
  const createdAt = new Date(Date.now() - ageMs).toISOString();
  const message: MessageItem = {
    messageId: newMessageId(),
    sessionId,
    userId: session.userId,
    shard: session.shard,
    type: 'text',
    to,
    jid: `${to}@s.whatsapp.net`,
    isGroup: false,
    text,
    status: 'pending',
    attempts: 0,
    createdAt,
    updatedAt: createdAt,
  };
  expect(await storeMessage(message, [])).toEqual({ stored: true });
  return message;
}

describe('the sweeper job', () => {
  it('re-enqueues a message left pending, which then goes out', async () => {
    const user = await registerUser();
    const { sessionId } = await linkSession(user.apiKey);
    const contact = await addContact();
    await storedButNotQueued(sessionId, contact, 'rescued by the sweeper', 10 * 60_000);
    const fresh = await storedButNotQueued(sessionId, contact, 'too young to sweep', 1_000);

    const result = await sweep();

    expect(result.requeued).toBeGreaterThanOrEqual(1);
    const [received] = await waitForReceived(contact, 1);
    expect(textOf(received!)).toBe('rescued by the sweeper');
    expect((await getMessage(fresh.messageId))?.status).toBe('pending');
  });

  it('marks failed the messages the send queue gave up on', async () => {
    const user = await registerUser();
    const { sessionId } = await linkSession(user.apiKey);
    const message = await storedButNotQueued(sessionId, '6287654321', 'poison', 1_000);
    await sqsClient().send(
      new SendMessageCommand({
        QueueUrl: queueUrl('send', message.shard, true),
        MessageBody: JSON.stringify({ messageId: message.messageId, sessionId }),
        MessageGroupId: sessionId,
        MessageDeduplicationId: message.messageId,
      }),
    );

    await sweep();

    const failed = await getMessage(message.messageId);
    expect(failed).toMatchObject({ status: 'failed', failureReason: deadLetterReason });
  });
});
