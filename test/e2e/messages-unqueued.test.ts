import { DeleteQueueCommand } from '@aws-sdk/client-sqs';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoClient, queueUrl, sqsClient } from '../../shared/aws-clients.ts';
import { tableName } from '../../shared/db.ts';
import { keys } from '../../shared/keys.ts';
import { unqueuedReason } from '../../shared/messages/service.ts';
import { api } from '../support/http.ts';
import { startIsolatedStack, userWithStoredSession, type IsolatedStack } from '../support/isolated-stack.ts';

// A stack of its own, so its one send queue can be removed: every enqueue then fails for real.
describe('a send whose message cannot be queued', () => {
  let stack: IsolatedStack;
  beforeAll(async () => {
    stack = await startIsolatedStack({ shardCount: 1 });
  });
  afterAll(() => stack?.stop());

  it('answers 503, never "queued": the message is failed with the reason and its Idempotency-Key is free again', async () => {
    const user = await userWithStoredSession(stack, 'main', '+62812000333');
    await sqsClient().send(new DeleteQueueCommand({ QueueUrl: queueUrl('send', 0) }));
    const headers = { 'x-api-key': user.apiKey, 'idempotency-key': 'order-1' };

    const answer = await api('/message/send-text', {
      body: { session: 'main', to: '6287654321', text: 'hello' },
      headers,
      baseUrl: stack.apiUrl,
    });

    expect(answer.status).toBe(503);
    expect(answer.body).toEqual({ success: false, error: 'The message could not be queued and was not sent; try again' });
    const status = await api('/message/queue-status?session=main', { headers, baseUrl: stack.apiUrl });
    expect(status.body.stats).toEqual({ pending: 0, processing: 0, completed: 0, failed: 1 });
    expect(status.body.queue).toEqual([expect.objectContaining({ status: 'failed', failureReason: unqueuedReason })]);
    const claim = await dynamoClient().send(new GetCommand({ TableName: tableName(), Key: keys.idempotencyKey(user.id, 'order-1') }));
    expect(claim.Item).toBeUndefined();
  });
});
