import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../support/http.ts';
import { pollUntil } from '../support/poll.ts';
import { addContact, linkSession, sendFromContact } from '../support/sim.ts';
import { registerUser, type TestUser } from '../support/users.ts';
import { startWebhookReceiver, verifies, type ReceivedDelivery, type WebhookReceiver } from '../support/webhook-receiver.ts';

const key = (apiKey: string) => ({ 'x-api-key': apiKey });
const receivers: WebhookReceiver[] = [];

async function receiver(): Promise<WebhookReceiver> {
  const started = await startWebhookReceiver();
  receivers.push(started);
  return started;
}

/** Registers `url` for the user; answers the endpoint with its secret. */
async function subscribe(user: TestUser, url: string, fields: { events?: string[]; session?: string } = {}) {
  const created = await api('/webhooks', { body: { url, ...fields }, headers: key(user.apiKey) });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.data as { id: string; secret: string };
}

/** Waits until the receiver has deliveries matching `wanted`. */
function deliveriesWhere(target: WebhookReceiver, wanted: (deliveries: ReceivedDelivery[]) => boolean, what: string, timeoutMs = 20_000) {
  return pollUntil(async () => [...target.deliveries], wanted, {
    timeoutMs,
    intervalMs: 100,
    failure: (got) => `${what}; got ${JSON.stringify(got?.map((delivery) => [delivery.event.type, delivery.status]))}`,
  });
}

const ofType = (type: string) => (delivery: ReceivedDelivery) => delivery.event.type === type;
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))]!;

afterAll(async () => {
  await Promise.all(receivers.map((started) => started.close()));
});

describe('webhook deliveries', () => {
  let user: TestUser;

  beforeAll(async () => {
    user = await registerUser('webhooks');
  });

  it('delivers every event type, signed so that the Standard Webhooks library accepts it and refuses it tampered with', async () => {
    // Prepare
    const hooks = await receiver();
    const endpoint = await subscribe(user, hooks.url);

    // Act: a session links, a contact writes, the session replies, the endpoint is tested
    const { sessionId: session, phone } = await linkSession(user.apiKey);
    const contact = await addContact();
    await sendFromContact(contact, phone, 'hello from a contact');
    const sent = await api('/message/send-text', { body: { session, to: contact, text: 'hello back' }, headers: key(user.apiKey) });
    const tested = await api(`/webhooks/${endpoint.id}/test`, { method: 'POST', headers: key(user.apiKey) });
    const all = await deliveriesWhere(
      hooks,
      (deliveries) =>
        deliveries.some((delivery) => delivery.event.type === 'session.status' && delivery.event.data.status === 'connected') &&
        deliveries.some((delivery) => delivery.event.type === 'message.received') &&
        deliveries.some((delivery) => delivery.event.type === 'message.status' && delivery.event.data.status === 'read') &&
        deliveries.some(ofType('webhook.test')),
      'every event type',
    );

    // Assess
    expect(tested.body.data).toMatchObject({ delivered: true, statusCode: 200, error: null });
    expect(all.every((delivery) => verifies(endpoint.secret, delivery))).toBe(true);
    const received = all.find(ofType('message.received'))!;
    const story = await api(`/message/status?${new URLSearchParams({ session, messageId: received.event.data.messageId }).toString()}`, {
      headers: key(user.apiKey),
    });
    expect(received.event.data).toEqual({ session, ...story.body.data });
    expect(received.headers['webhook-id']).toBe(received.event.id);
    const statuses = all.filter(ofType('message.status')).filter((delivery) => delivery.event.data.messageId === sent.body.messageId);
    expect(new Set(statuses.map((delivery) => delivery.event.data.status))).toEqual(
      new Set(['processing', 'completed', 'delivered', 'read']),
    );
    expect(statuses[0]!.event.data).toMatchObject({ session, to: contact, isGroup: false });
    const sessionStatuses = all.filter(ofType('session.status')).map((delivery) => delivery.event.data);
    expect(sessionStatuses).toContainEqual(expect.objectContaining({ session, status: 'qr', qr: expect.any(String) }));
    expect(sessionStatuses).toContainEqual({ session, status: 'connected', qr: null, pairingCode: null, lastError: null });
    const tampered = { ...received, body: received.body.replace('hello from a contact', 'hello from an impostor') };
    const stale = { ...received, headers: { ...received.headers, 'webhook-timestamp': String(Math.floor(Date.now() / 1000) - 600) } };
    expect(verifies(endpoint.secret, tampered)).toBe(false);
    expect(verifies(endpoint.secret, stale)).toBe(false);
    expect(verifies(`whsec_${Buffer.alloc(32, 7).toString('base64')}`, received)).toBe(false);
  });

  it('retries a receiver that fails until it recovers, then has each event exactly once; a hanging receiver delays no other tenant', async () => {
    // Prepare: this tenant's receiver fails for now; another tenant's hangs past the timeout
    const failing = await receiver();
    failing.answer({ status: 500 });
    await subscribe(user, failing.url, { events: ['message.received'] });
    const { phone } = await linkSession(user.apiKey);
    const other = await registerUser('webhooks-hanging');
    const hanging = await receiver();
    hanging.answer('hang');
    await subscribe(other, hanging.url, { events: ['message.received'] });
    const otherSession = await linkSession(other.apiKey);
    const healthy = await receiver();
    const third = await registerUser('webhooks-healthy');
    await subscribe(third, healthy.url, { events: ['message.received'] });
    const thirdSession = await linkSession(third.apiKey);
    const contact = await addContact();

    // Act
    for (let index = 0; index < 5; index++) {
      await sendFromContact(contact, phone, `retried ${index}`);
      await sendFromContact(contact, otherSession.phone, `hanging ${index}`);
      await sendFromContact(contact, thirdSession.phone, `healthy ${index}`);
    }
    await deliveriesWhere(
      failing,
      (deliveries) => new Set(deliveries.map((delivery) => delivery.event.id)).size === 5 && deliveries.length >= 10,
      'each event failed at least once',
    );
    const healthyDeliveries = await deliveriesWhere(
      healthy,
      (deliveries) => deliveries.length === 5,
      'five deliveries to the healthy receiver',
    );
    const hangingAttempts = await deliveriesWhere(hanging, (deliveries) => deliveries.length >= 5, 'the hanging receiver tried');
    failing.answer({ status: 200 });
    await deliveriesWhere(
      failing,
      () => new Set(failing.accepted().map((delivery) => delivery.event.id)).size === 5,
      'every event accepted',
    );
    // Time for any duplicate to show up: retries come every second or two.
    await new Promise((resolve) => setTimeout(resolve, 3_000));

    // Assess
    const acceptedIds = failing.accepted().map((delivery) => delivery.event.id);
    expect(acceptedIds).toHaveLength(5);
    expect(new Set(acceptedIds).size).toBe(5);
    expect(
      failing
        .accepted()
        .map((delivery) => delivery.event.data.text)
        .sort(),
    ).toEqual([0, 1, 2, 3, 4].map((index) => `retried ${index}`));
    const latency = (delivery: ReceivedDelivery) => delivery.receivedAt - Date.parse(delivery.event.timestamp);
    const healthyLatencies = healthyDeliveries.map(latency);
    const hangingLatencies = hangingAttempts.slice(0, 5).map(latency);
    console.log(
      `event → receiver latency: healthy tenant p50 ${percentile(healthyLatencies, 50)} ms, max ${Math.max(...healthyLatencies)} ms; ` +
        `a tenant whose receiver hangs (2 s timeout): first attempts p50 ${percentile(hangingLatencies, 50)} ms`,
    );
    expect(Math.max(...healthyLatencies)).toBeLessThan(2_000);
  }, 60_000);

  it('sends a tenant’s events to none of another tenant’s endpoints, and a session’s only to endpoints of all sessions or of that one', async () => {
    // Prepare
    const tenant = await registerUser('webhooks-tenant');
    const [first, second] = [await linkSession(tenant.apiKey), await linkSession(tenant.apiKey)];
    const [everything, secondOnly, stranger] = [await receiver(), await receiver(), await receiver()];
    await subscribe(tenant, everything.url, { events: ['message.received'] });
    await subscribe(tenant, secondOnly.url, { events: ['message.received'], session: second.sessionId });
    await subscribe(await registerUser('webhooks-stranger'), stranger.url);
    const contact = await addContact();

    // Act
    await sendFromContact(contact, first.phone, 'to the first');
    await sendFromContact(contact, second.phone, 'to the second');
    await deliveriesWhere(everything, (deliveries) => deliveries.length === 2, 'both messages');
    await deliveriesWhere(secondOnly, (deliveries) => deliveries.length === 1, 'the second session’s message');
    await new Promise((resolve) => setTimeout(resolve, 1_000));

    // Assess
    expect(everything.deliveries.map((delivery) => delivery.event.data.session).sort()).toEqual([first.sessionId, second.sessionId].sort());
    expect(secondOnly.deliveries.map((delivery) => [delivery.event.data.session, delivery.event.data.text])).toEqual([
      [second.sessionId, 'to the second'],
    ]);
    expect(stranger.deliveries).toEqual([]);
  });

  it('signs with both secrets while a rotation overlaps, then with the new one only', async () => {
    // Prepare
    const hooks = await receiver();
    const endpoint = await subscribe(user, hooks.url, { events: ['session.status'] });

    // Act
    const rotated = await api(`/webhooks/${endpoint.id}/rotate-secret`, { method: 'POST', headers: key(user.apiKey) });
    await api(`/webhooks/${endpoint.id}/test`, { method: 'POST', headers: key(user.apiKey) });
    // The test stack's overlap is 4 s.
    await new Promise((resolve) => setTimeout(resolve, 4_500));
    await api(`/webhooks/${endpoint.id}/test`, { method: 'POST', headers: key(user.apiKey) });

    // Assess
    const [during, after] = hooks.deliveries;
    const newSecret = rotated.body.data.secret as string;
    expect([verifies(endpoint.secret, during!), verifies(newSecret, during!)]).toEqual([true, true]);
    expect(String(during!.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect([verifies(endpoint.secret, after!), verifies(newSecret, after!)]).toEqual([false, true]);
  });

  it('disables an endpoint that answers 410 Gone, and delivers nothing more to it', async () => {
    // Prepare
    const gone = await receiver();
    gone.answer({ status: 410 });
    const endpoint = await subscribe(user, gone.url, { events: ['message.received'] });
    const { phone } = await linkSession(user.apiKey);
    const contact = await addContact();

    // Act
    await sendFromContact(contact, phone, 'first');
    await deliveriesWhere(gone, (deliveries) => deliveries.length === 1, 'the first delivery');
    const disabled = await pollUntil(
      () => api(`/webhooks/${endpoint.id}`, { headers: key(user.apiKey) }),
      (answer) => answer.body.data?.enabled === false,
      { timeoutMs: 5_000, failure: (answer) => `still enabled: ${JSON.stringify(answer?.body)}` },
    );
    await sendFromContact(contact, phone, 'second');
    await new Promise((resolve) => setTimeout(resolve, 2_000));

    // Assess
    expect(disabled.body.data.disabledReason).toBe('the endpoint answered 410 Gone');
    expect(gone.deliveries).toHaveLength(1);
  });

  it('logs every attempt, redelivers an event under its id, and lists the events to catch up with, oldest first', async () => {
    // Prepare
    const tenant = await registerUser('webhooks-log');
    const hooks = await receiver();
    const endpoint = await subscribe(tenant, hooks.url, { events: ['message.received'] });
    const { sessionId: session, phone } = await linkSession(tenant.apiKey);
    const contact = await addContact();
    hooks.answer(({ event }) => (event.data.text === 'one' && hooks.deliveries.length === 0 ? { status: 503 } : { status: 200 }));

    // Act
    await sendFromContact(contact, phone, 'one');
    await deliveriesWhere(hooks, () => hooks.accepted().length === 1, 'one accepted after a failure');
    await sendFromContact(contact, phone, 'two');
    const [first, second] = (await deliveriesWhere(hooks, () => hooks.accepted().length === 2, 'the second')).filter(
      (delivery) => delivery.status === 200,
    );
    const redelivered = await api(`/webhooks/${endpoint.id}/redeliver`, {
      body: { eventId: first!.event.id },
      headers: key(tenant.apiKey),
    });
    await deliveriesWhere(hooks, () => hooks.accepted().length === 3, 'the redelivery');
    const log = await api(`/webhooks/${endpoint.id}/deliveries?limit=10`, { headers: key(tenant.apiKey) });
    const events = await api(`/events?${new URLSearchParams({ session, type: 'message.received' }).toString()}`, {
      headers: key(tenant.apiKey),
    });
    const unknown = await api(`/webhooks/${endpoint.id}/redeliver`, {
      body: { eventId: 'evt_01K8NB6Q2W3E4R5T6Y7V8J9M0P' },
      headers: key(tenant.apiKey),
    });
    const strangers = await api(`/webhooks/${endpoint.id}/deliveries`, { headers: key(user.apiKey) });

    // Assess
    expect(redelivered.status).toBe(202);
    expect(hooks.accepted()[2]!.event.id).toBe(first!.event.id);
    expect(log.body.data.map((attempt: any) => [attempt.eventId, attempt.outcome, attempt.statusCode])).toEqual([
      [first!.event.id, 'delivered', 200],
      [second!.event.id, 'delivered', 200],
      [first!.event.id, 'delivered', 200],
      [first!.event.id, 'failed', 503],
    ]);
    expect(log.body.data[3]).toMatchObject({ attempt: 1, nextAttemptAt: expect.any(String), responseBody: 'answered 503' });
    expect(events.body.data.map((event: any) => [event.id, event.data.text])).toEqual([
      [first!.event.id, 'one'],
      [second!.event.id, 'two'],
    ]);
    expect(events.body.nextCursor).toBeNull();
    expect(unknown.status).toBe(404);
    expect(strangers.status).toBe(404);
  });
});
