import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { queueUrl, sqsClient } from '../aws-clients.ts';
import type { QueueKind } from '../resources.ts';

/** Puts a JSON message on a shard's FIFO queue: `group` keeps order, `deduplicationId` drops repeats (5-minute window). */
export async function sendToShardQueue(kind: QueueKind, shard: number, body: object, group: string, deduplicationId: string): Promise<void> {
  await sqsClient().send(
    new SendMessageCommand({
      QueueUrl: queueUrl(kind, shard),
      MessageBody: JSON.stringify(body),
      MessageGroupId: group,
      MessageDeduplicationId: deduplicationId,
    }),
  );
}
