import { ChangeMessageVisibilityBatchCommand, DeleteMessageCommand, ReceiveMessageCommand, type Message } from '@aws-sdk/client-sqs';
import { sqsClient } from '../../shared/aws-clients.ts';
import { logger } from '../../shared/logger.ts';

/**
 * Long-polls one queue until stopped, handing each message to `handle` in order and deleting it
 * only once handled: a failure leaves it to come back after its visibility timeout (and, past the
 * redrive limit, to go to the dead-letter queue). A poll is never aborted, since a message handed
 * to an aborted poll would stay invisible; on stop, the last poll runs out and whatever it got is
 * made visible again at once for the shard's next holder.
 */
export class QueuePoller {
  readonly queueUrl: string;
  readonly #handle: (body: string) => Promise<void>;
  readonly #waitSeconds: number;
  #stopping = false;
  #loop: Promise<void> | undefined;

  constructor(queueUrl: string, handle: (body: string) => Promise<void>, waitSeconds: number) {
    this.queueUrl = queueUrl;
    this.#handle = handle;
    this.#waitSeconds = waitSeconds;
  }

  start(): void {
    this.#loop ??= this.#run();
  }

  /** Resolves once the last poll has returned and its unhandled messages are back on the queue. */
  async stop(): Promise<void> {
    this.#stopping = true;
    await this.#loop;
  }

  async #run(): Promise<void> {
    while (!this.#stopping) {
      try {
        const { Messages = [] } = await sqsClient().send(
          new ReceiveMessageCommand({ QueueUrl: this.queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: this.#waitSeconds }),
        );
        for (const [index, message] of Messages.entries()) {
          if (this.#stopping) {
            await this.#giveBack(Messages.slice(index));
            return;
          }
          await this.#process(message);
        }
      } catch (error) {
        logger().error('Queue poll failed', { queueUrl: this.queueUrl, error });
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    }
  }

  async #process(message: Message): Promise<void> {
    try {
      await this.#handle(message.Body ?? '');
      await sqsClient().send(new DeleteMessageCommand({ QueueUrl: this.queueUrl, ReceiptHandle: message.ReceiptHandle }));
    } catch (error) {
      logger().error('Queue message failed; it will be retried', { queueUrl: this.queueUrl, messageId: message.MessageId, error });
    }
  }

  async #giveBack(messages: Message[]): Promise<void> {
    await sqsClient().send(
      new ChangeMessageVisibilityBatchCommand({
        QueueUrl: this.queueUrl,
        Entries: messages.map((message, index) => ({ Id: String(index), ReceiptHandle: message.ReceiptHandle, VisibilityTimeout: 0 })),
      }),
    );
  }
}
