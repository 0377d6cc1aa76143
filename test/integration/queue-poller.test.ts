import { randomUUID } from 'node:crypto';
import { CreateQueueCommand, DeleteQueueCommand, GetQueueAttributesCommand, SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { afterEach, describe, expect, it } from 'vitest';
import { QueuePoller } from '../../connector/queues/queue-poller.ts';
import { sqsClient } from '../../shared/aws-clients.ts';
import { pollUntil } from '../support/poll.ts';

const pollerOptions = { waitSeconds: 1, concurrency: 20, visibilityTimeoutSeconds: 2, retryDelaySeconds: 0 };
const queues: string[] = [];

async function queueWith(bodies: string[]): Promise<string> {
  const { QueueUrl } = await sqsClient().send(new CreateQueueCommand({ QueueName: `poller-${randomUUID()}` }));
  queues.push(QueueUrl!);
  for (let start = 0; start < bodies.length; start += 10) {
    const entries = bodies.slice(start, start + 10).map((body, index) => ({ Id: String(index), MessageBody: body }));
    await sqsClient().send(new SendMessageBatchCommand({ QueueUrl: QueueUrl!, Entries: entries }));
  }
  return QueueUrl!;
}

/** Messages on the queue, visible or in flight. */
async function messagesLeft(queueUrl: string): Promise<number> {
  const { Attributes = {} } = await sqsClient().send(
    new GetQueueAttributesCommand({
      QueueUrl: queueUrl,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
    }),
  );
  return Number(Attributes.ApproximateNumberOfMessages) + Number(Attributes.ApproximateNumberOfMessagesNotVisible);
}

afterEach(async () => {
  await Promise.all(queues.splice(0).map((QueueUrl) => sqsClient().send(new DeleteQueueCommand({ QueueUrl }))));
});

describe('the queue poller', () => {
  it('handles every message once and deletes them all, in batches', async () => {
    const bodies = Array.from({ length: 25 }, (_, index) => `m${index}`);
    const queueUrl = await queueWith(bodies);
    const handled: string[] = [];
    const poller = new QueuePoller(queueUrl, async (body) => void handled.push(body), pollerOptions);
    let deleteCalls = 0;
    sqsClient().middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'DeleteMessageBatchCommand') deleteCalls++;
        return next(args);
      },
      { step: 'initialize', name: 'countDeleteCalls' },
    );

    try {
      poller.start();
      await pollUntil(() => handled.length === bodies.length, Boolean, { timeoutMs: 10_000, intervalMs: 20 });
      await poller.stop();
    } finally {
      sqsClient().middlewareStack.remove('countDeleteCalls');
    }

    expect(handled.sort()).toEqual(bodies.sort());
    expect(await messagesLeft(queueUrl)).toBe(0);
    expect(deleteCalls).toBeLessThanOrEqual(bodies.length / 2);
  });

  it('offers a failed message again, and deletes it once handled', async () => {
    const queueUrl = await queueWith(['ok', 'fails once']);
    const attempts = new Map<string, number>();
    const poller = new QueuePoller(
      queueUrl,
      async (body) => {
        attempts.set(body, (attempts.get(body) ?? 0) + 1);
        if (body === 'fails once' && attempts.get(body) === 1) throw new Error('not yet');
      },
      pollerOptions,
    );

    poller.start();
    await pollUntil(() => attempts.get('ok') === 1 && attempts.get('fails once') === 2, Boolean, { timeoutMs: 10_000, intervalMs: 20 });
    await poller.stop();

    expect(await messagesLeft(queueUrl)).toBe(0);
    expect(attempts).toEqual(
      new Map([
        ['ok', 1],
        ['fails once', 2],
      ]),
    );
  });
});
