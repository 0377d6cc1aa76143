import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../support/http.ts';
import { pollUntil } from '../support/poll.ts';
import { addContact, linkSession, sendFromContact, waitForReceived } from '../support/sim.ts';
import { registerUser, type TestUser } from '../support/users.ts';
import { startWebhookReceiver, verifies, type ReceivedDelivery, type WebhookReceiver } from '../support/webhook-receiver.ts';

const key = (apiKey: string) => ({ 'x-api-key': apiKey });

describe('message.updated deliveries', () => {
  let user: TestUser;
  let session: string;
  let account: string;
  let hooks: WebhookReceiver;
  let secret: string;

  beforeAll(async () => {
    user = await registerUser('webhooks-updates');
    ({ sessionId: session, phone: account } = await linkSession(user.apiKey));
    hooks = await startWebhookReceiver();
    const created = await api('/webhooks', { body: { url: hooks.url, events: ['message.updated'] }, headers: key(user.apiKey) });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    secret = created.body.data.secret;
  });
  afterAll(() => hooks?.close());

  /** The message's `message.updated` deliveries once `done` holds of them. */
  const updatesOf = (messageId: string, done: (deliveries: ReceivedDelivery[]) => boolean) =>
    pollUntil(() => hooks.deliveries.filter((delivery) => delivery.event.data.messageId === messageId), done, {
      timeoutMs: 15_000,
      failure: (got) => `message ${messageId}: got ${JSON.stringify(got?.map((delivery) => delivery.event.data.change))}`,
    });

  const changes = (deliveries: ReceivedDelivery[]) => deliveries.map((delivery) => delivery.event.data.change as string);

  const story = async (messageId: string) =>
    (await api(`/message/status?${new URLSearchParams({ session, messageId }).toString()}`, { headers: key(user.apiKey) })).body.data;

  it('delivers a contact’s edit, reaction and delete for everyone of a message, each verified by the Standard Webhooks library', async () => {
    // Prepare
    const contact = await addContact();
    const original = await sendFromContact(contact, account, 'helo wrold');
    const stored = await pollUntil(
      async () => (await api(`/message/list?session=${session}&direction=in`, { headers: key(user.apiKey) })).body.data as any[],
      (messages) => messages.some((message) => message.text === 'helo wrold'),
      { timeoutMs: 15_000, failure: () => 'the contact’s message was not stored' },
    );
    const { messageId } = stored.find((message) => message.text === 'helo wrold');

    // Act: each change waits for the one before, as a contact's phone would send them
    await sendFromContact(contact, account, { type: 'edit', targetId: original.id, text: 'hello world' });
    await updatesOf(messageId, (deliveries) => deliveries.length === 1);
    await sendFromContact(contact, account, { type: 'reaction', targetId: original.id, emoji: '👍', targetFromMe: true });
    await updatesOf(messageId, (deliveries) => deliveries.length === 2);
    await sendFromContact(contact, account, { type: 'revoke', targetId: original.id });
    const deliveries = await updatesOf(messageId, (got) => got.length === 3);

    // Assess
    expect(deliveries.every((delivery) => verifies(secret, delivery))).toBe(true);
    expect(deliveries.every((delivery) => delivery.headers['webhook-id'] === delivery.event.id)).toBe(true);
    const [edited, reacted, deleted] = deliveries.map((delivery) => delivery.event);
    expect(changes(deliveries)).toEqual(['edited', 'reacted', 'deleted']);
    expect(edited).toMatchObject({
      type: 'message.updated',
      timestamp: edited!.data.at,
      data: { session, messageId, direction: 'in', text: 'hello world', message: { text: 'hello world', from: `+${contact}` } },
    });
    expect(reacted!.data).toMatchObject({
      emoji: '👍',
      from: `+${contact}`,
      message: { reactions: [{ emoji: '👍', from: `+${contact}` }] },
    });
    expect(deleted!.data.message).toEqual(await story(messageId));
    expect(deleted!.data.message.text).toBeUndefined();
    const listed = await api(`/events?${new URLSearchParams({ session, type: 'message.updated' }).toString()}`, {
      headers: key(user.apiKey),
    });
    expect(listed.body.data.map((event: { id: string }) => event.id)).toEqual(
      expect.arrayContaining(deliveries.map((delivery) => delivery.event.id)),
    );
  });

  it('delivers an edit sent through the API once, and a contact’s reaction to the sent message', async () => {
    // Prepare
    const contact = await addContact();
    const sent = await api('/message/send-text', { body: { session, to: contact, text: 'See you at 7' }, headers: key(user.apiKey) });
    const [received] = await waitForReceived(contact, 1);
    await pollUntil(
      () => story(sent.body.messageId),
      (data) => ['completed', 'delivered', 'read'].includes(data?.status),
      { timeoutMs: 15_000, failure: (data) => `the message was not sent: ${JSON.stringify(data)}` },
    );

    // Act
    const edit = await api('/message/edit', {
      body: { session, message_id: sent.body.messageId, text: 'See you at 8' },
      headers: key(user.apiKey),
    });
    await updatesOf(sent.body.messageId, (deliveries) => deliveries.length === 1);
    // WhatsApp hands the session its own edit back before the contact's reaction comes in.
    await sendFromContact(contact, account, { type: 'reaction', targetId: received!.id, emoji: '❤️' });
    const deliveries = await updatesOf(sent.body.messageId, (got) => got.some((delivery) => delivery.event.data.change === 'reacted'));

    // Assess
    expect(edit.status, JSON.stringify(edit.body)).toBe(200);
    expect(deliveries.every((delivery) => verifies(secret, delivery))).toBe(true);
    expect(changes(deliveries)).toEqual(['edited', 'reacted']);
    expect(deliveries[0]!.event.data).toMatchObject({
      session,
      direction: 'out',
      change: 'edited',
      text: 'See you at 8',
      message: { origin: 'api', text: 'See you at 8', editedAt: deliveries[0]!.event.data.at },
    });
    expect(deliveries[1]!.event.data).toMatchObject({ direction: 'out', emoji: '❤️', from: `+${contact}` });
  });
});
