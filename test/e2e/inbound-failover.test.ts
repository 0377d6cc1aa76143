import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIsolatedStack, type IsolatedStack } from '../support/isolated-stack.ts';
import { api } from '../support/http.ts';
import { pollUntil } from '../support/poll.ts';
import { addContact, digits, linkSession, sendFromContact, sim, waitForStatus } from '../support/sim.ts';
import { uniqueEmail } from '../support/users.ts';

/** A stack of its own, so killing its connector disturbs no other test. */
describe('messages sent while no connector holds the session', () => {
  let stack: IsolatedStack;

  beforeAll(async () => {
    stack = await startIsolatedStack({ shardCount: 1 });
  });

  afterAll(() => stack?.stop());

  it('are stored exactly once when a connector takes the session over', async () => {
    const connector = await stack.startConnector();
    const registered = await api('/auth/register', {
      body: { email: uniqueEmail('failover'), password: 'SecurePass123' },
      baseUrl: stack.apiUrl,
    });
    const apiKey: string = registered.body.data.user.apiKey;
    const { sessionId, phone } = await linkSession(apiKey, { baseUrl: stack.apiUrl });
    const contact = await addContact();
    const online = async () =>
      ((await sim('/accounts')).body as { phone: string; online: boolean }[]).find((account) => account.phone === digits(phone))?.online;

    await connector.kill();
    await pollUntil(online, (isOnline) => isOnline === false, { timeoutMs: 10_000 });
    const id = `3EB0${randomBytes(8).toString('hex').toUpperCase()}`;
    const deliveries = [
      await sendFromContact(contact, phone, 'while nobody listened', { id }),
      // WhatsApp may deliver the same message twice: the backlog holds it twice.
      await sendFromContact(contact, phone, 'while nobody listened', { id }),
      await sendFromContact(contact, phone, 'and another one'),
    ];
    await stack.startConnector();
    await waitForStatus(apiKey, sessionId, (status) => status === 'connected', { baseUrl: stack.apiUrl, timeoutMs: 30_000 });
    // A session stores what it receives in order: once this one is listed, the backlog before it is stored.
    await sendFromContact(contact, phone, 'once it was back');

    const listed = await pollUntil(
      async () =>
        (await api(`/message/list?session=${sessionId}&direction=in`, { headers: { 'x-api-key': apiKey }, baseUrl: stack.apiUrl })).body
          .data,
      (messages: { text: string }[]) => messages?.some(({ text }) => text === 'once it was back'),
      { timeoutMs: 20_000 },
    );
    expect(deliveries.map(({ queued }) => queued)).toEqual([true, true, true]);
    expect(listed.map(({ text }) => text).sort()).toEqual(['and another one', 'once it was back', 'while nobody listened']);
  }, 90_000);
});
