import { ChangeMessageVisibilityBatchCommand, ReceiveMessageCommand, type Message } from '@aws-sdk/client-sqs';
import { sqsClient } from '../../shared/aws-clients.ts';
import { logger } from '../../shared/logger.ts';
import { DeleteBatcher } from './delete-batcher.ts';

/** How long a handled message may wait for others to share its delete call. */
const deleteDelayMs = 100;

export interface QueuePollerOptions {
  /** Long-poll wait of each receive. */
  waitSeconds: number;
  /** Messages handled at once (1: strictly one after another). */
  concurrency: number;
  /** How long a received message stays hidden; messages still being handled are extended before it runs out. */
  visibilityTimeoutSeconds: number;
  /** How soon a message whose handling failed is offered again. */
  retryDelaySeconds: number;
}

/**
 * Long-polls one queue until stopped, handing each message to `handle` and deleting it (in
 * batches) only once handled: a failure offers it again after `retryDelaySeconds` (past the
 * redrive limit it goes to the dead-letter queue). A poll is never aborted, since a message handed to an aborted poll would
 * stay invisible; on stop, handlers are told through their signal, and whatever was not handled is
 * made visible again at once for the shard's next holder.
 */
export class QueuePoller {
  readonly queueUrl: string;
  readonly #handle: (body: string, signal: AbortSignal) => Promise<void>;
  readonly #options: QueuePollerOptions;
  readonly #stop = new AbortController();
  readonly #inFlight = new Map<Promise<void>, Message>();
  readonly #deletes: DeleteBatcher;
  #loop: Promise<void> | undefined;
  #extender: NodeJS.Timeout | undefined;

  constructor(queueUrl: string, handle: (body: string, signal: AbortSignal) => Promise<void>, options: QueuePollerOptions) {
    this.queueUrl = queueUrl;
    this.#handle = handle;
    this.#options = options;
    this.#deletes = new DeleteBatcher(queueUrl, deleteDelayMs);
  }

  start(): void {
    this.#loop ??= this.#run();
    this.#extender ??= setInterval(() => void this.#extendVisibility(), (this.#options.visibilityTimeoutSeconds * 1000) / 3);
  }

  /** Resolves once the last poll has returned, handlers have settled, handled messages are deleted and unhandled ones are back on the queue. */
  async stop(): Promise<void> {
    this.#stop.abort(new Error('queue handed over'));
    clearInterval(this.#extender);
    await this.#loop;
    await Promise.allSettled(this.#inFlight.keys());
    await this.#deletes.flush();
  }

  async #run(): Promise<void> {
    const stopping = this.#stop.signal;
    while (!stopping.aborted) {
      try {
        while (this.#inFlight.size >= this.#options.concurrency) await Promise.race(this.#inFlight.keys());
        const { Messages = [] } = await sqsClient().send(
          new ReceiveMessageCommand({
            QueueUrl: this.queueUrl,
            MaxNumberOfMessages: Math.min(10, this.#options.concurrency - this.#inFlight.size),
            WaitTimeSeconds: this.#options.waitSeconds,
            VisibilityTimeout: this.#options.visibilityTimeoutSeconds,
          }),
        );
        for (const [index, message] of Messages.entries()) {
          if (stopping.aborted) {
            await this.#offerAgain(Messages.slice(index), 0);
            return;
          }
          const work = this.#process(message).finally(() => this.#inFlight.delete(work));
          this.#inFlight.set(work, message);
          if (this.#options.concurrency === 1) await work;
        }
      } catch (error) {
        logger().error('Queue poll failed', { queueUrl: this.queueUrl, error });
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    }
  }

  async #process(message: Message): Promise<void> {
    const stopping = this.#stop.signal;
    try {
      await this.#handle(message.Body ?? '', stopping);
      if (message.ReceiptHandle) this.#deletes.add(message.ReceiptHandle);
    } catch (error) {
      if (stopping.aborted) {
        await this.#offerAgain([message], 0);
        return;
      }
      logger().warn('Queue message not handled; it will be offered again', {
        queueUrl: this.queueUrl,
        messageId: message.MessageId,
        error,
      });
      await this.#offerAgain([message], this.#options.retryDelaySeconds);
    }
  }

  async #extendVisibility(): Promise<void> {
    const messages = [...this.#inFlight.values()];
    if (messages.length > 0) await this.#offerAgain(messages, this.#options.visibilityTimeoutSeconds).catch(() => undefined);
  }

  async #offerAgain(messages: Message[], afterSeconds: number): Promise<void> {
    for (let start = 0; start < messages.length; start += 10) {
      const batch = messages.slice(start, start + 10);
      await sqsClient()
        .send(
          new ChangeMessageVisibilityBatchCommand({
            QueueUrl: this.queueUrl,
            Entries: batch.map((message, index) => ({
              Id: String(index),
              ReceiptHandle: message.ReceiptHandle,
              VisibilityTimeout: afterSeconds,
            })),
          }),
        )
        .catch((error: unknown) => logger().warn('Could not change message visibility', { queueUrl: this.queueUrl, error }));
    }
  }
}
