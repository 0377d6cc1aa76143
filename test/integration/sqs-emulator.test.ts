import {
  CreateQueueCommand,
  DeleteMessageCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSqs, type SqsEmulator } from '../../infra/local/emulators/sqs.ts';
import { parseConfig } from '../../shared/config.ts';

describe('the local SQS emulator', () => {
  let emulator: SqsEmulator;
  let sqs: SQSClient;
  let queue: string;
  const fifo = (id: string) => ({ MessageGroupId: 'group', MessageDeduplicationId: id });
  const supplementary = 'emoji 😀 👩‍👩‍👧‍👦 🇯🇵 🏳️‍🌈, music 𝄞, CJK extension B 𠀀, plane 16 \u{10FFFD}, noncharacter \u{1FFFE}';
  const bmpEdges = 'tab\t newline\n return\r \uD7FF \uE000 \uFFFD';

  beforeAll(async () => {
    // As the local stack starts it.
    const { AWS_REGION } = parseConfig(process.env);
    emulator = await startSqs(AWS_REGION);
    sqs = new SQSClient({
      region: AWS_REGION,
      endpoint: emulator.endpoint,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    ({ QueueUrl: queue = '' } = await sqs.send(new CreateQueueCommand({ QueueName: 'unicode.fifo', Attributes: { FifoQueue: 'true' } })));
  });
  afterAll(async () => {
    sqs?.destroy();
    await emulator?.stop();
  });

  /** What the queue holds, in order; taken off it, so the next test starts from an empty queue. */
  const receiveBodies = async () => {
    const bodies: (string | undefined)[] = [];
    for (;;) {
      const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queue, MaxNumberOfMessages: 10 }));
      if (Messages.length === 0) return bodies;
      for (const { Body, ReceiptHandle } of Messages) {
        bodies.push(Body);
        await sqs.send(new DeleteMessageCommand({ QueueUrl: queue, ReceiptHandle }));
      }
    }
  };

  it('accepts every character SQS accepts, beyond the Basic Multilingual Plane too, and hands it back unchanged', async () => {
    await sqs.send(new SendMessageCommand({ QueueUrl: queue, MessageBody: supplementary, ...fifo('single') }));
    const batch = await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: queue,
        Entries: [
          { Id: 'one', MessageBody: bmpEdges, ...fifo('batch-1') },
          { Id: 'two', MessageBody: `${supplementary}!`, ...fifo('batch-2') },
        ],
      }),
    );

    expect(batch.Failed ?? []).toEqual([]);
    expect(await receiveBodies()).toEqual([supplementary, bmpEdges, `${supplementary}!`]);
  });

  it.each([
    ['U+FFFF', 'ffff', 'text \uFFFF'],
    ['U+FFFE', 'fffe', 'text \uFFFE'],
    ['a control character', 'control', 'text \u0001'],
  ])('refuses %s in a body, as SQS does, alone or in a batch', async (_, id, body) => {
    const single = sqs
      .send(new SendMessageCommand({ QueueUrl: queue, MessageBody: body, ...fifo(`refused-${id}`) }))
      .catch((error: unknown) => error);
    const batch = await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: queue,
        Entries: [
          { Id: 'bad', MessageBody: body, ...fifo(`refused-batch-${id}`) },
          { Id: 'good', MessageBody: '😀', ...fifo(`good-${id}`) },
        ],
      }),
    );

    expect(await single).toMatchObject({
      name: expect.stringMatching(/InvalidMessageContents$/),
      message: expect.stringMatching(/^Invalid characters found/),
    });
    expect(batch.Failed).toEqual([expect.objectContaining({ Id: 'bad', Code: 'InvalidMessageContents', SenderFault: true })]);
    expect(batch.Successful?.map((entry) => entry.Id)).toEqual(['good']);
    expect(await receiveBodies()).toEqual(['😀']);
  });
});
