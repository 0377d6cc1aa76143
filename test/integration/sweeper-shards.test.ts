import { randomUUID } from 'node:crypto';
import { DeleteQueueCommand, ReceiveMessageCommand, SendMessageCommand, SetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler as sweep } from '../../lambdas/jobs/sweep-pending.ts';
import { queueUrl, sqsClient } from '../../shared/aws-clients.ts';
import type { Message } from '../../shared/messages/message.ts';
import { getMessage } from '../../shared/messages/repository.ts';
import { deadLetterReason } from '../../shared/messages/sweeper.ts';
import { startIsolatedStack, type IsolatedStack } from '../support/isolated-stack.ts';
import { storePendingText } from '../support/messages.ts';

/** A text stored pending `ageMs` ago on `shard` and never queued (ten minutes: what the sweeper re-queues). */
const storePending = (shard: number, text: string, ageMs = 10 * 60_000): Promise<Message> =>
  storePendingText({ sessionId: `session-${randomUUID()}`, userId: 1, shard }, '6281234567', text, ageMs);

/** The ids of the messages waiting on a shard's send queue. */
async function queuedIds(shard: number): Promise<string[]> {
  const { Messages = [] } = await sqsClient().send(
    new ReceiveMessageCommand({ QueueUrl: queueUrl('send', shard), MaxNumberOfMessages: 10 }),
  );
  return Messages.map((message) => JSON.parse(message.Body ?? '{}').messageId);
}

// Queues of its own and no connector: a queue can be removed or shrunk, and what the sweep
// re-queued stays there to be read, without disturbing the shared stack.
describe('the sweeper across shards', () => {
  let stack: IsolatedStack;

  beforeAll(async () => {
    stack = await startIsolatedStack({ shardCount: 3 });
  });
  afterAll(() => stack?.stop());

  it('re-queues the good messages of every shard although a shard, a message and a dead letter cannot be handled', async () => {
    const orphaned = await storePending(0, 'its queue is gone');
    await sqsClient().send(new DeleteQueueCommand({ QueueUrl: queueUrl('send', 0) }));
    // SQS refuses a message larger than its queue's maximum, however often it is sent.
    await sqsClient().send(new SetQueueAttributesCommand({ QueueUrl: queueUrl('send', 1), Attributes: { MaximumMessageSize: '1024' } }));
    const tooLarge = await storePending(1, 'x'.repeat(2_000));
    const fits = await storePending(1, 'fits 😀');
    const fitsToo = await storePending(2, 'fits too \uFFFF');
    const givenUp = await storePending(2, 'given up on by its queue', 0);
    // One message group: the dead-letter queue hands out the unreadable one first.
    for (const [body, deduplicationId] of [
      ['not json {', 'garbage'],
      [JSON.stringify({ messageId: givenUp.messageId }), givenUp.messageId],
    ]) {
      await sqsClient().send(
        new SendMessageCommand({
          QueueUrl: queueUrl('send', 2, true),
          MessageBody: body,
          MessageGroupId: givenUp.sessionId,
          MessageDeduplicationId: deduplicationId,
        }),
      );
    }

    const result = await sweep();

    expect(await queuedIds(1)).toEqual([fits.messageId]);
    expect(await queuedIds(2)).toEqual([fitsToo.messageId]);
    expect(await getMessage(tooLarge.messageId)).toMatchObject({
      status: 'failed',
      failureReason: expect.stringMatching(/^refused by the send queue: .*shorter than 1024 bytes/),
    });
    expect(await getMessage(givenUp.messageId)).toMatchObject({ status: 'failed', failureReason: deadLetterReason });
    // Left for the next sweep, once its queue is back.
    expect(await getMessage(orphaned.messageId)).toMatchObject({ status: 'pending' });
    expect(result).toEqual({ requeued: 2, failed: 2, errors: 2 });
  });
});
