import { randomInt, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { text } from 'node:stream/consumers';
import {
  CreateQueueCommand,
  DeleteMessageCommand,
  DeleteQueueCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  type Message,
} from '@aws-sdk/client-sqs';
import type { SQSRecord } from 'aws-lambda';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { handler } from '../../lambdas/webhooks/deliver.ts';
import { sqsClient } from '../../shared/aws-clients.ts';
import { InvalidInput } from '../../shared/errors.ts';
import { userAgent } from '../../shared/net/safe-post.ts';
import { webhookQueueName, webhookQueueSettings } from '../../shared/resources.ts';
import { deliver, deliverNow, type DeliveryOutcome } from '../../shared/webhooks/delivery.ts';
import { listAttempts } from '../../shared/webhooks/delivery-log.ts';
import { enqueueDeliveries, webhookQueueUrl } from '../../shared/webhooks/delivery-queue.ts';
import { createWebhook, deleteWebhook, getWebhook } from '../../shared/webhooks/endpoints.ts';
import { newEventId } from '../../shared/webhooks/event-ids.ts';
import { eventExpiry, publicEvent, storeEvent } from '../../shared/webhooks/event-store.ts';
import { subscribableEventTypes, type DeliveryJob, type StoredEvent, type WebhookEndpoint } from '../../shared/webhooks/model.ts';
import { generateSigningSecret, sealSigningSecret } from '../../shared/webhooks/secrets.ts';
import { newWebhookId } from '../../shared/ids.ts';
import { pollUntil } from '../support/poll.ts';

// Read by `config()` at its first use, after these: a short timeout and schedule, loopback receivers, and
// a delivery queue of this file's own (the local stack's poller, where it runs one, never takes its messages).
const timeoutMs = 1_000;
vi.stubEnv('WEBHOOK_TIMEOUT_MS', String(timeoutMs));
vi.stubEnv('WEBHOOK_RETRY_SCHEDULE_SECONDS', '2,30');
vi.stubEnv('WEBHOOK_ALLOW_PRIVATE_URLS', 'true');
vi.stubEnv('QUEUE_NAME_PREFIX', `delivery-test-${randomUUID().slice(0, 8)}`);

const threeDays = 3 * 86_400_000;

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

/**
 * A loopback receiver: `/ok` answers 200, `/status/<code>` that code with a short body, `/script/<name>`
 * the next status of the named script (then 200), and `/silent` never answers.
 */
function startReceiver() {
  const received: Received[] = [];
  const scripts = new Map<string, number[]>();
  const server = createServer((request, response) => {
    const path = request.url ?? '/';
    const at = performance.now();
    void text(request).then((body) => {
      received.push({ path, headers: request.headers, body, at });
      const [, kind, arg = ''] = new URL(path, 'http://receiver.test').pathname.split('/');
      if (kind === 'silent') return;
      const status = kind === 'status' ? Number(arg) : kind === 'script' ? (scripts.get(arg)?.shift() ?? 200) : 200;
      response.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'thanks' : 'database is down');
    });
  });
  return {
    received,
    scripts,
    url: (path: string) => `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`,
    bodiesAt: (path: string) => received.filter((request) => request.path === path),
    listen: async () => {
      server.listen(0, '127.0.0.1');
      await once(server, 'listening');
    },
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

const receiver = startReceiver();
beforeAll(() => receiver.listen());
afterAll(async () => {
  await receiver.close();
  vi.unstubAllEnvs();
});

/** A tenant of its own for each test: no test sees another's endpoints or events. */
const newTenant = () => randomInt(1_000_000_000, 2_000_000_000);

async function createEndpoint(
  userId: number,
  path: string,
  options: { extraSecrets?: { secret: string; expiresAt: number }[]; changes?: Partial<WebhookEndpoint> } = {},
): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  const now = new Date().toISOString();
  const secret = generateSigningSecret();
  const extra = await Promise.all(
    (options.extraSecrets ?? []).map(async ({ secret: old, expiresAt }) => ({ ...(await sealSigningSecret(old, now)), expiresAt })),
  );
  const endpoint: WebhookEndpoint = {
    webhookId: newWebhookId(),
    userId,
    url: receiver.url(path),
    events: [...subscribableEventTypes],
    enabled: true,
    secrets: [await sealSigningSecret(secret, now), ...extra],
    createdAt: now,
    updatedAt: now,
    ...options.changes,
  };
  expect(await createWebhook(endpoint, 100)).toBe(true);
  return { endpoint, secret };
}

async function createEvent(userId: number, changes: Partial<StoredEvent> = {}): Promise<StoredEvent> {
  const at = new Date();
  const event: StoredEvent = {
    id: newEventId(at),
    type: 'message.status',
    timestamp: at.toISOString(),
    data: { messageId: 'msg_01', session: 'main', status: 'delivered', text: 'héllo 👋' },
    userId,
    session: 'main',
    expiresAt: eventExpiry(at),
    ...changes,
  };
  await storeEvent(event);
  return event;
}

/** An endpoint at `path` and an event for it, of a fresh tenant. */
async function setUp(path: string, options: Parameters<typeof createEndpoint>[2] = {}, eventChanges: Partial<StoredEvent> = {}) {
  const userId = newTenant();
  const { endpoint, secret } = await createEndpoint(userId, path, options);
  const event = await createEvent(userId, eventChanges);
  const job: DeliveryJob = { userId, webhookId: endpoint.webhookId, eventId: event.id };
  return { userId, endpoint, secret, event, job };
}

const headersOf = (request: Received) => request.headers as Record<string, string>;

function failed(outcome: DeliveryOutcome) {
  if (outcome.outcome !== 'failed') throw new Error(`expected a failed attempt, got ${JSON.stringify(outcome)}`);
  return outcome;
}

describe('delivering an event', () => {
  it('POSTs the event to a 2xx receiver, signed so that the standardwebhooks library verifies it, and logs the attempt', async () => {
    const path = `/ok/${randomUUID()}`;
    const { endpoint, secret, event, job } = await setUp(path);

    const outcome = await deliver(job, 1);

    expect(outcome).toMatchObject({ outcome: 'delivered', attempt: { attempt: 1, statusCode: 200, responseBody: 'thanks' } });
    const [request] = receiver.bodiesAt(path);
    expect(Object.keys(JSON.parse(request!.body) as object)).toEqual(['id', 'type', 'timestamp', 'data']);
    expect(JSON.parse(request!.body)).toEqual(publicEvent(event));
    expect(request!.headers).toMatchObject({ 'content-type': 'application/json', 'user-agent': userAgent, 'webhook-id': event.id });
    expect(new Webhook(secret).verify(request!.body, headersOf(request!))).toEqual(publicEvent(event));
    const { attempts } = await listAttempts(endpoint.webhookId, { limit: 10 });
    expect(attempts).toEqual([
      expect.objectContaining({ eventId: event.id, eventType: 'message.status', outcome: 'delivered', statusCode: 200 }),
    ]);
  });

  it('signs so that a tampered body, or the same delivery later than five minutes, is refused', async () => {
    const path = `/ok/${randomUUID()}`;
    const { secret, job } = await setUp(path);
    const sixMinutesAgo = new Date(Date.now() - 6 * 60_000);

    await deliver(job, 1);
    await deliver(job, 2, sixMinutesAgo);

    const [fresh, old] = receiver.bodiesAt(path);
    const verifier = new Webhook(secret);
    expect(() => verifier.verify(fresh!.body.replace('delivered', 'read'), headersOf(fresh!))).toThrow(/No matching signature/);
    // Signed correctly for its time: only its age is refused.
    const oldHeaders = headersOf(old!);
    expect(verifier.sign(oldHeaders['webhook-id']!, new Date(Number(oldHeaders['webhook-timestamp']) * 1000), old!.body)).toBe(
      oldHeaders['webhook-signature'],
    );
    expect(() => verifier.verify(old!.body, oldHeaders)).toThrow(/too old/);
  });

  it('signs with both secrets during a rotation overlap, and with the new one only after it', async () => {
    const previous = generateSigningSecret();
    const overlapping = await setUp(`/ok/${randomUUID()}`, { extraSecrets: [{ secret: previous, expiresAt: Date.now() / 1000 + 3600 }] });
    const after = await setUp(`/ok/${randomUUID()}`, { extraSecrets: [{ secret: previous, expiresAt: Date.now() / 1000 - 1 }] });

    await deliver(overlapping.job, 1);
    await deliver(after.job, 1);

    const [duringOverlap] = receiver.bodiesAt(new URL(overlapping.endpoint.url).pathname);
    expect(headersOf(duringOverlap!)['webhook-signature']!.split(' ')).toHaveLength(2);
    for (const secret of [overlapping.secret, previous])
      expect(() => new Webhook(secret).verify(duringOverlap!.body, headersOf(duringOverlap!))).not.toThrow();
    const [afterOverlap] = receiver.bodiesAt(new URL(after.endpoint.url).pathname);
    expect(headersOf(afterOverlap!)['webhook-signature']!.split(' ')).toHaveLength(1);
    expect(() => new Webhook(after.secret).verify(afterOverlap!.body, headersOf(afterOverlap!))).not.toThrow();
    expect(() => new Webhook(previous).verify(afterOverlap!.body, headersOf(afterOverlap!))).toThrow();
  });

  it('retries a 500 on the schedule and marks the endpoint failing since its first failure; a 2xx then clears it', async () => {
    const script = randomUUID();
    receiver.scripts.set(script, [500, 500]);
    const { endpoint, job } = await setUp(`/script/${script}`);
    const first = new Date();
    const minuteLater = new Date(first.getTime() + 60_000);

    const one = failed(await deliver(job, 1, first));
    const two = failed(await deliver(job, 2, minuteLater));
    const failingAfterTwo = (await getWebhook(endpoint.userId, endpoint.webhookId))?.failingSince;
    const three = await deliver(job, 3);

    expect(one.attempt).toMatchObject({ statusCode: 500, responseBody: 'database is down', outcome: 'failed' });
    // The schedule is 2 s then 30 s, ±20 %.
    expect(one.retryInSeconds).toBe(2);
    expect(Date.parse(one.attempt.nextAttemptAt!) - first.getTime()).toBe(2_000);
    expect(two.retryInSeconds).toBeGreaterThanOrEqual(24);
    expect(two.retryInSeconds).toBeLessThanOrEqual(36);
    expect(Date.parse(two.attempt.nextAttemptAt!) - minuteLater.getTime()).toBe(two.retryInSeconds! * 1000);
    expect(failingAfterTwo).toBe(first.toISOString());
    expect(three).toMatchObject({ outcome: 'delivered', attempt: { attempt: 3, statusCode: 200 } });
    const healed = await getWebhook(endpoint.userId, endpoint.webhookId);
    expect(healed).toMatchObject({ enabled: true });
    expect(healed?.failingSince).toBeUndefined();
    const { attempts } = await listAttempts(endpoint.webhookId, { limit: 10 });
    expect(attempts.map((attempt) => [attempt.attempt, attempt.outcome])).toEqual([
      [3, 'delivered'],
      [2, 'failed'],
      [1, 'failed'],
    ]);
  });

  it('disables the endpoint at once on a 410 Gone, without a retry, and drops its later deliveries', async () => {
    const path = `/status/410?${randomUUID()}`;
    const { userId, endpoint, job } = await setUp(path);

    const outcome = failed(await deliver(job, 1));
    const later = await createEvent(userId);
    const next = await deliver({ ...job, eventId: later.id }, 1);

    expect(outcome.retryInSeconds).toBeUndefined();
    expect(outcome.attempt.nextAttemptAt).toBeUndefined();
    expect(await getWebhook(endpoint.userId, endpoint.webhookId)).toMatchObject({
      enabled: false,
      disabledReason: 'the endpoint answered 410 Gone',
    });
    expect(next).toEqual({ outcome: 'dropped', reason: 'the endpoint is disabled' });
    expect(receiver.bodiesAt(path)).toHaveLength(1);
  });

  it('disables an endpoint that has failed for longer than the limit, and keeps retrying one that has not yet', async () => {
    const fourDaysAgo = new Date(Date.now() - threeDays - 86_400_000).toISOString();
    const twoDaysAgo = new Date(Date.now() - threeDays + 86_400_000).toISOString();
    const givenUp = await setUp(`/status/503?${randomUUID()}`, { changes: { failingSince: fourDaysAgo } });
    const stillTrying = await setUp(`/status/503?${randomUUID()}`, { changes: { failingSince: twoDaysAgo } });

    const outcome = failed(await deliver(givenUp.job, 7));
    const retried = failed(await deliver(stillTrying.job, 7));

    expect(outcome.retryInSeconds).toBeUndefined();
    expect(await getWebhook(givenUp.userId, givenUp.endpoint.webhookId)).toMatchObject({
      enabled: false,
      disabledReason: 'every delivery failed for 3 days',
      failingSince: fourDaysAgo,
    });
    expect(retried.retryInSeconds).toBeGreaterThan(0);
    expect(await getWebhook(stillTrying.userId, stillTrying.endpoint.webhookId)).toMatchObject({ enabled: true, failingSince: twoDaysAgo });
  });

  it('stops retrying an event older than the limit, without disabling the endpoint', async () => {
    const { endpoint, job } = await setUp(
      `/status/500?${randomUUID()}`,
      {},
      { timestamp: new Date(Date.now() - threeDays - 60_000).toISOString() },
    );

    const outcome = failed(await deliver(job, 4));

    expect(outcome.retryInSeconds).toBeUndefined();
    expect(await getWebhook(endpoint.userId, endpoint.webhookId)).toMatchObject({ enabled: true });
  });

  it('counts a receiver that never answers as a failed attempt, with the error, after the timeout', async () => {
    const { endpoint, job } = await setUp(`/silent/${randomUUID()}`);

    const outcome = failed(await deliver(job, 1));

    expect(outcome.attempt.statusCode).toBeUndefined();
    expect(outcome.attempt.error).toBe('timed out after 1 s');
    expect(outcome.attempt.latencyMs).toBeGreaterThanOrEqual(timeoutMs - 50);
    expect(outcome.attempt.latencyMs).toBeLessThan(timeoutMs + 1_000);
    expect(outcome.retryInSeconds).toBe(2);
    expect((await getWebhook(endpoint.userId, endpoint.webhookId))?.failingSince).toBe(outcome.attempt.at);
  });

  it('drops, without a POST, what no one wants any more: a deleted or disabled endpoint, a gone event, another type or session', async () => {
    const path = `/ok/${randomUUID()}`;
    const deleted = await setUp(path);
    await deleteWebhook(deleted.userId, deleted.endpoint.webhookId);
    const disabled = await setUp(path, { changes: { enabled: false, disabledReason: 'paused by its owner' } });
    const goneEvent = await setUp(path);
    const otherType = await setUp(path, { changes: { events: ['message.received'] } });
    const otherSession = await setUp(path, { changes: { session: 'sales' } });
    const expired = await setUp(path, {}, { expiresAt: Math.floor(Date.now() / 1000) - 1 });

    const outcomes = await Promise.all([
      deliver(deleted.job, 1),
      deliver(disabled.job, 1),
      deliver({ ...goneEvent.job, eventId: newEventId() }, 1),
      deliver(otherType.job, 1),
      deliver(otherSession.job, 1),
      deliver(expired.job, 1),
    ]);

    expect(outcomes.map((outcome) => (outcome.outcome === 'dropped' ? outcome.reason : outcome.outcome))).toEqual([
      'the endpoint no longer exists',
      'the endpoint is disabled',
      'the event has expired',
      'the endpoint no longer receives message.status',
      'the endpoint is limited to another session',
      'the event has expired',
    ]);
    expect(receiver.bodiesAt(path)).toHaveLength(0);
    expect(await getWebhook(disabled.userId, disabled.endpoint.webhookId)).toMatchObject({ disabledReason: 'paused by its owner' });
  });

  it('delivers to an endpoint limited to the event’s session', async () => {
    const { job } = await setUp(`/ok/${randomUUID()}`, { changes: { session: 'main' } });

    expect(await deliver(job, 1)).toMatchObject({ outcome: 'delivered' });
  });

  it('makes a test delivery now, logged as attempt 1, that neither retries nor changes the endpoint', async () => {
    const { userId, endpoint } = await setUp(`/status/500?${randomUUID()}`);
    const testEvent = { id: newEventId(), type: 'webhook.test' as const, timestamp: new Date().toISOString(), data: { message: 'hi' } };

    const attempt = await deliverNow(endpoint, testEvent);

    expect(attempt).toMatchObject({
      attempt: 1,
      eventType: 'webhook.test',
      statusCode: 500,
      responseBody: 'database is down',
      outcome: 'failed',
    });
    expect(attempt.nextAttemptAt).toBeUndefined();
    expect(attempt.latencyMs).toBeGreaterThanOrEqual(0);
    expect((await getWebhook(userId, endpoint.webhookId))?.failingSince).toBeUndefined();
    expect((await listAttempts(endpoint.webhookId, { limit: 5 })).attempts).toEqual([attempt]);
  });
});

describe('the delivery log', () => {
  it('lists an endpoint’s attempts newest first, page by page, and refuses another endpoint’s cursor', async () => {
    const { endpoint, event } = await setUp(`/ok/${randomUUID()}`);
    const other = await setUp(`/ok/${randomUUID()}`);
    const made = [];
    for (let index = 0; index < 5; index++) made.push(await deliverNow(endpoint, event));
    await deliverNow(other.endpoint, other.event);
    await deliverNow(other.endpoint, other.event);

    const first = await listAttempts(endpoint.webhookId, { limit: 2 });
    const second = await listAttempts(endpoint.webhookId, { limit: 2, cursor: first.nextCursor });
    const third = await listAttempts(endpoint.webhookId, { limit: 2, cursor: second.nextCursor });
    const othersFirst = await listAttempts(other.endpoint.webhookId, { limit: 1 });

    expect([...first.attempts, ...second.attempts, ...third.attempts].map((attempt) => attempt.attemptId)).toEqual(
      made.map((attempt) => attempt.attemptId).reverse(),
    );
    expect(third.nextCursor).toBeUndefined();
    await expect(listAttempts(endpoint.webhookId, { limit: 2, cursor: othersFirst.nextCursor })).rejects.toThrow(InvalidInput);
    await expect(listAttempts(endpoint.webhookId, { limit: 2, cursor: 'not-a-cursor' })).rejects.toThrow(InvalidInput);
    await expect(listAttempts(endpoint.webhookId, { limit: 101 })).rejects.toThrow(InvalidInput);
    await expect(listAttempts(endpoint.webhookId, { limit: 0 })).rejects.toThrow(InvalidInput);
  });
});

describe('the delivery queue and its Lambda handler', () => {
  beforeAll(async () => {
    await sqsClient().send(
      new CreateQueueCommand({
        QueueName: webhookQueueName(process.env.QUEUE_NAME_PREFIX!),
        Attributes: { VisibilityTimeout: String(webhookQueueSettings.visibilityTimeoutSeconds) },
      }),
    );
  });
  afterAll(() => sqsClient().send(new DeleteQueueCommand({ QueueUrl: webhookQueueUrl() })));

  /** Takes what the queue holds now, as the Lambda service would: each message with its receive count. */
  async function receiveAll(expected: number, timeoutMs = 10_000): Promise<Message[]> {
    const messages: Message[] = [];
    await pollUntil(
      async () => {
        const { Messages = [] } = await sqsClient().send(
          new ReceiveMessageCommand({ QueueUrl: webhookQueueUrl(), MaxNumberOfMessages: 10, MessageSystemAttributeNames: ['All'] }),
        );
        messages.push(...Messages);
        return messages.length;
      },
      (received) => received >= expected,
      { timeoutMs, intervalMs: 50 },
    );
    return messages;
  }

  const deleteMessage = (message: Message) =>
    sqsClient().send(new DeleteMessageCommand({ QueueUrl: webhookQueueUrl(), ReceiptHandle: message.ReceiptHandle }));

  function sqsRecord(message: Message): SQSRecord {
    const attributes = message.Attributes ?? {};
    return {
      messageId: message.MessageId!,
      receiptHandle: message.ReceiptHandle!,
      body: message.Body!,
      attributes: {
        ApproximateReceiveCount: attributes.ApproximateReceiveCount ?? '1',
        SentTimestamp: attributes.SentTimestamp ?? '0',
        SenderId: attributes.SenderId ?? 'local',
        ApproximateFirstReceiveTimestamp: attributes.ApproximateFirstReceiveTimestamp ?? '0',
      },
      messageAttributes: {},
      md5OfBody: message.MD5OfBody ?? '',
      eventSource: 'aws:sqs',
      eventSourceARN: `arn:aws:sqs:us-east-1:000000000000:${webhookQueueName(process.env.QUEUE_NAME_PREFIX!)}`,
      awsRegion: 'us-east-1',
    };
  }

  it('queues deliveries in batches of ten, each job as its own message', async () => {
    const jobs = Array.from({ length: 23 }, (_, index) => ({ userId: 1, webhookId: `wh_${index}`, eventId: `evt_${index}` }));

    await enqueueDeliveries(jobs);
    const messages = await receiveAll(jobs.length);
    await Promise.all(messages.map(deleteMessage));

    expect(
      messages.map((message) => JSON.parse(message.Body!) as DeliveryJob).sort((a, b) => a.webhookId.localeCompare(b.webhookId)),
    ).toEqual([...jobs].sort((a, b) => a.webhookId.localeCompare(b.webhookId)));
  });

  it('delivers a batch in parallel, reports the failures, and hides each until its retry; a malformed message is dropped', async () => {
    const okPath = `/ok/${randomUUID()}`;
    const ok = await setUp(okPath);
    const failing = await setUp(`/status/500?${randomUUID()}`);
    const silent = await setUp(`/silent/${randomUUID()}`);
    await enqueueDeliveries([ok.job, failing.job, silent.job]);
    await sqsClient().send(new SendMessageCommand({ QueueUrl: webhookQueueUrl(), MessageBody: 'not a delivery' }));
    const messages = await receiveAll(4);
    const messageOf = (job: DeliveryJob) => messages.find((message) => message.Body?.includes(job.eventId))!;

    const started = performance.now();
    const response = await handler({ Records: messages.map(sqsRecord) });
    const finished = performance.now();
    // What the Lambda service does with the answer: it deletes every message not reported.
    const reported = new Set(response.batchItemFailures.map((failure) => failure.itemIdentifier));
    await Promise.all(messages.filter((message) => !reported.has(message.MessageId!)).map(deleteMessage));

    expect([...reported].sort()).toEqual([messageOf(failing.job).MessageId, messageOf(silent.job).MessageId].sort());
    // The silent receiver held the batch for its timeout, and the others not at all.
    expect(finished - started).toBeGreaterThanOrEqual(timeoutMs - 50);
    expect(receiver.bodiesAt(okPath)[0]!.at - started).toBeLessThan(timeoutMs / 2);
    // Hidden for the first retry delay (2 s) rather than the queue's visibility timeout (60 s), then offered as attempt 2.
    const { Messages: meanwhile = [] } = await sqsClient().send(new ReceiveMessageCommand({ QueueUrl: webhookQueueUrl() }));
    expect(meanwhile).toEqual([]);
    const again = await receiveAll(2, 6_000);
    expect(performance.now() - started).toBeGreaterThanOrEqual(1_900);
    expect(again.map((message) => message.Attributes?.ApproximateReceiveCount)).toEqual(['2', '2']);

    const retry = await handler({ Records: again.filter((message) => message.Body?.includes(failing.job.eventId)).map(sqsRecord) });
    await Promise.all(again.map(deleteMessage));

    expect(retry.batchItemFailures).toHaveLength(1);
    const { attempts } = await listAttempts(failing.endpoint.webhookId, { limit: 10 });
    expect(attempts.map((attempt) => attempt.attempt)).toEqual([2, 1]);
  });
});
