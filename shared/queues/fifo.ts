import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { queueUrl, sqsClient } from '../aws-clients.ts';
import type { QueueKind } from '../resources.ts';

/**
 * `body` as JSON that SQS always accepts, whatever text it holds: SQS refuses any character outside
 * #x9 | #xA | #xD | #x20–#xD7FF | #xE000–#xFFFD | #x10000–#x10FFFF. `JSON.stringify` already escapes
 * control characters and lone surrogates; U+FFFE and U+FFFF, the only others, can stand only inside
 * JSON strings, where their escapes parse back to the identical text.
 */
export function sqsMessageBody(body: object): string {
  return JSON.stringify(body).replace(/[\uFFFE\uFFFF]/g, (character) => `\\u${character.charCodeAt(0).toString(16)}`);
}

/** Puts a JSON message on a shard's FIFO queue: `group` keeps order, `deduplicationId` drops repeats (5-minute window). */
export async function sendToShardQueue(
  kind: QueueKind,
  shard: number,
  body: object,
  group: string,
  deduplicationId: string,
): Promise<void> {
  await sqsClient().send(
    new SendMessageCommand({
      QueueUrl: queueUrl(kind, shard),
      MessageBody: sqsMessageBody(body),
      MessageGroupId: group,
      MessageDeduplicationId: deduplicationId,
    }),
  );
}
