import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { handler as sweep } from '../../lambdas/jobs/sweep-pending.ts';
import { queueUrl, sqsClient } from '../../shared/aws-clients.ts';
import { getMessage } from '../../shared/messages/repository.ts';
import { deadLetterReason } from '../../shared/messages/sweeper.ts';
import { enqueueSend } from '../../shared/queues/send.ts';
import { storeTextMessage } from '../support/messages.ts';
import { addContact, linkSession, textOf, waitForReceived } from '../support/sim.ts';
import { registerUser } from '../support/users.ts';

describe('the sweeper job', () => {
  it('re-enqueues a message left pending, which then goes out', async () => {
    const user = await registerUser();
    const { internalId: sessionId } = await linkSession(user.apiKey);
    const contact = await addContact();
    await storeTextMessage(sessionId, contact, 'rescued by the sweeper', 10 * 60_000);
    const fresh = await storeTextMessage(sessionId, contact, 'too young to sweep', 1_000);

    const result = await sweep();

    expect(result.requeued).toBeGreaterThanOrEqual(1);
    // A session's sends go out in queue order: had the sweep taken the young one, it would go before this.
    await enqueueSend(await storeTextMessage(sessionId, contact, 'queued after the sweep'));
    const received = await waitForReceived(contact, 2);
    expect(received.map(textOf)).toEqual(['rescued by the sweeper', 'queued after the sweep']);
    expect((await getMessage(fresh.messageId))?.status).toBe('pending');
  });

  it('marks failed the messages the send queue gave up on', async () => {
    const user = await registerUser();
    const { internalId: sessionId } = await linkSession(user.apiKey);
    const message = await storeTextMessage(sessionId, '6287654321', 'poison', 1_000);
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

  it('drops a dead letter it cannot read and still marks failed the one behind it', async () => {
    const user = await registerUser();
    const { internalId: sessionId } = await linkSession(user.apiKey);
    const message = await storeTextMessage(sessionId, '6287654321', 'poison behind garbage', 1_000);
    const deadLetters = queueUrl('send', message.shard, true);
    // One message group: the queue hands out the unreadable one first.
    for (const [body, deduplicationId] of [
      ['not json {', `${message.messageId}-garbage`],
      [JSON.stringify({ messageId: message.messageId, sessionId }), message.messageId],
    ]) {
      await sqsClient().send(
        new SendMessageCommand({
          QueueUrl: deadLetters,
          MessageBody: body,
          MessageGroupId: sessionId,
          MessageDeduplicationId: deduplicationId,
        }),
      );
    }

    const result = await sweep();

    expect(await getMessage(message.messageId)).toMatchObject({ status: 'failed', failureReason: deadLetterReason });
    expect(result.errors).toBeGreaterThanOrEqual(1);
  });
});
