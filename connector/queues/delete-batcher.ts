import { DeleteMessageBatchCommand } from '@aws-sdk/client-sqs';
import { sqsClient } from '../../shared/aws-clients.ts';
import { logger } from '../../shared/logger.ts';

/** SQS takes at most this many entries in one batch call. */
const maxEntries = 10;

/**
 * Deletes handled messages from one queue in batches: a batch goes out when it holds ten, or
 * `delayMs` after its first message, so a busy queue costs one call per ten messages rather than
 * one each. A delete that fails (or a crash before it) only brings the message back after its
 * visibility timeout, and its handler finds it already done.
 */
export class DeleteBatcher {
  readonly #queueUrl: string;
  readonly #delayMs: number;
  #receiptHandles: string[] = [];
  #timer: NodeJS.Timeout | undefined;
  readonly #sending = new Set<Promise<void>>();

  constructor(queueUrl: string, delayMs: number) {
    this.#queueUrl = queueUrl;
    this.#delayMs = delayMs;
  }

  add(receiptHandle: string): void {
    this.#receiptHandles.push(receiptHandle);
    if (this.#receiptHandles.length >= maxEntries) this.#send();
    else this.#timer ??= setTimeout(() => this.#send(), this.#delayMs);
  }

  /** Sends whatever is held and resolves once every batch has been answered. */
  async flush(): Promise<void> {
    this.#send();
    await Promise.all([...this.#sending]);
  }

  #send(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const batch = this.#receiptHandles;
    this.#receiptHandles = [];
    if (batch.length === 0) return;
    const sending: Promise<void> = this.#deleteBatch(batch).finally(() => this.#sending.delete(sending));
    this.#sending.add(sending);
  }

  async #deleteBatch(receiptHandles: string[]): Promise<void> {
    try {
      const { Failed = [] } = await sqsClient().send(
        new DeleteMessageBatchCommand({
          QueueUrl: this.#queueUrl,
          Entries: receiptHandles.map((handle, index) => ({ Id: String(index), ReceiptHandle: handle })),
        }),
      );
      if (Failed.length > 0)
        logger().warn('Some handled messages were not deleted; they will come back and be skipped', {
          queueUrl: this.#queueUrl,
          failed: Failed,
        });
    } catch (error) {
      logger().warn('Handled messages were not deleted; they will come back and be skipped', {
        queueUrl: this.#queueUrl,
        count: receiptHandles.length,
        error,
      });
    }
  }
}
