import { describe, expect, it } from 'vitest';
import { waMessageIdOf } from '../../shared/ids.ts';
import { getMessage } from '../../shared/messages/repository.ts';
import { removalReasons } from '../../shared/sessions/removal.ts';
import { api } from '../support/http.ts';
import { pollUntil } from '../support/poll.ts';
import { addContact, digits, linkSession, sim, textOf, uniquePhone, waitForReceived } from '../support/sim.ts';
import { registerUser } from '../support/users.ts';

const key = (apiKey: string) => ({ 'x-api-key': apiKey });

const sendText = async (apiKey: string, session: string, to: string, text: string): Promise<string> => {
  const answer = await api('/message/send-text', { body: { session, to, text }, headers: key(apiKey) });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.messageId;
};

const statusOf = async (apiKey: string, session: string, messageId: string): Promise<string | undefined> => {
  const answer = await api(`/message/queue-status?session=${session}`, { headers: key(apiKey) });
  return answer.body.queue.find((message: { messageId: string }) => message.messageId === messageId)?.status;
};

const waitForStored = (messageId: string, done: (status: string | undefined) => boolean) =>
  pollUntil(
    () => getMessage(messageId),
    (stored) => done(stored?.status),
    { timeoutMs: 15_000, failure: (stored) => `message ${messageId} is ${stored?.status}` },
  );

describe('session names belong to their tenant', () => {
  it("never sends a tenant's queued messages from the number of the next tenant to take the session's name", async () => {
    const [first, second] = [await registerUser('first'), await registerUser('second')];
    const contact = await addContact();
    const name = `shared-${digits(uniquePhone())}`;
    const started = await api('/session/start', { body: { session: name, phoneNumber: uniquePhone() }, headers: key(first.apiKey) });
    expect(started.status).toBe(200);
    const queued = [await sendText(first.apiKey, name, contact, 'first 1'), await sendText(first.apiKey, name, contact, 'first 2')];
    expect((await api('/session/logout', { body: { session: name }, headers: key(first.apiKey) })).status).toBe(200);

    const { phone } = await linkSession(second.apiKey, { name });
    await sendText(second.apiKey, name, contact, 'second 1');

    const [received] = await waitForReceived(contact, 1);
    expect(textOf(received!)).toBe('second 1');
    expect(received!.from).toContain(digits(phone));
    for (const messageId of queued) {
      expect(await waitForStored(messageId, (status) => status === 'failed')).toMatchObject({
        status: 'failed',
        failureReason: removalReasons.logout,
      });
    }
    // Time for anything still in flight to arrive: nothing of the first tenant's may.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect((await sim(`/contacts/${contact}/messages`)).body.map(textOf)).toEqual(['second 1']);
    const status = await api(`/message/queue-status?session=${name}`, { headers: key(second.apiKey) });
    expect(status.body.queue.map((message: { messageId: string }) => message.messageId)).not.toContain(queued[0]);
    expect(status.body.stats).toMatchObject({ pending: 0, failed: 0 });
  });

  it('runs two tenants’ sessions of the same name side by side, each sending from its own number under its own limits', async () => {
    const [first, second] = [await registerUser('first'), await registerUser('second')];
    const [firstSession, secondSession] = [
      await linkSession(first.apiKey, { name: 'main' }),
      await linkSession(second.apiKey, { name: 'main' }),
    ];
    const contacts = [await addContact(), await addContact(), await addContact()];

    const fromFirst = await Promise.all(
      Array.from({ length: 20 }, (_, index) => sendText(first.apiKey, 'main', contacts[index % 3]!, `first ${index}`)),
    );
    const overFirst = await api('/message/send-text', {
      body: { session: 'main', to: contacts[0], text: 'one too many' },
      headers: key(first.apiKey),
    });
    const fromSecond = await sendText(second.apiKey, 'main', contacts[0]!, 'second 0');

    expect(overFirst.status).toBe(429);
    // 20 round-robin over three contacts (7, 7, 6), and the second tenant's one to the first contact.
    const received = (await Promise.all(contacts.map((contact, index) => waitForReceived(contact, [8, 7, 6][index]!, 30_000)))).flat();
    const senders = new Map(received.map((message) => [textOf(message), message.from]));
    expect(senders.get('first 0')).toContain(digits(firstSession.phone));
    expect(senders.get('second 0')).toContain(digits(secondSession.phone));
    const firstStatus = await api('/message/queue-status?session=main', { headers: key(first.apiKey) });
    const secondStatus = await api('/message/queue-status?session=main', { headers: key(second.apiKey) });
    expect(firstStatus.body.queue.map((message: { messageId: string }) => message.messageId).sort()).toEqual([...fromFirst].sort());
    expect(secondStatus.body.queue.map((message: { messageId: string }) => message.messageId)).toEqual([fromSecond]);
  });

  it("moves a message's status only on receipts that arrive on its own session", async () => {
    const [first, second] = [await registerUser('first'), await registerUser('second')];
    const [firstSession, secondSession] = [
      await linkSession(first.apiKey, { name: 'main' }),
      await linkSession(second.apiKey, { name: 'main' }),
    ];
    const silent = { autoReceipts: { delivery: false, read: false } };
    const [firstContact, secondContact] = [await addContact(silent), await addContact(silent)];
    const firstMessage = await sendText(first.apiKey, 'main', firstContact, 'to be read');
    const secondMessage = await sendText(second.apiKey, 'main', secondContact, 'the marker');
    await waitForStored(firstMessage, (status) => status === 'completed');
    await waitForStored(secondMessage, (status) => status === 'completed');

    // The second tenant's contact claims to have read the first tenant's message, then really reads its own.
    const receipt = (contact: string, to: string, messageId: string) =>
      sim(`/contacts/${contact}/receipts`, { to: digits(to), ids: [waMessageIdOf(messageId)], type: 'read' });
    expect((await receipt(secondContact, secondSession.phone, firstMessage)).status).toBe(204);
    expect((await receipt(secondContact, secondSession.phone, secondMessage)).status).toBe(204);
    await waitForStored(secondMessage, (status) => status === 'read');

    expect(await statusOf(first.apiKey, 'main', firstMessage)).toBe('completed');
    expect((await receipt(firstContact, firstSession.phone, firstMessage)).status).toBe(204);
    await waitForStored(firstMessage, (status) => status === 'read');
  });

  it('fails the messages still waiting on a session removed by cleanup, with the reason', async () => {
    const user = await registerUser();
    const contact = await addContact();
    const name = `idle-${digits(uniquePhone())}`;
    expect((await api('/session/start', { body: { session: name, phoneNumber: uniquePhone() }, headers: key(user.apiKey) })).status).toBe(
      200,
    );
    const waiting = await sendText(user.apiKey, name, contact, 'never sent');
    await new Promise((resolve) => setTimeout(resolve, 50));

    const cleaned = await api('/session/cleanup?hours=0.00001', { method: 'POST', headers: key(user.apiKey) });

    expect(cleaned.body.data.cleanedCount).toBe(1);
    expect(await getMessage(waiting)).toMatchObject({ status: 'failed', failureReason: removalReasons.cleanup });
    expect((await sim(`/contacts/${contact}/messages`)).body).toEqual([]);
  });
});
