import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../support/http.ts';
import { startIsolatedStack, type IsolatedStack } from '../support/isolated-stack.ts';
import { addContact, linkSession, sim, textOf, type Received } from '../support/sim.ts';

/** Pacing and redelivery shortened so the drain and the recovery fit a test. */
const connectorSettings = { SEND_MIN_GAP_MS: '40', SEND_JITTER_MS: '20', QUEUE_VISIBILITY_SECONDS: '4' };

describe('a connector killed while draining 200 queued messages', () => {
  let stack: IsolatedStack;
  beforeAll(async () => {
    stack = await startIsolatedStack({ shardCount: 2, env: { RATE_LIMIT_PER_MINUTE: '100', RATE_LIMIT_PER_RECIPIENT_PER_HOUR: '100' } });
    await stack.startConnector(connectorSettings);
  });
  afterAll(() => stack?.stop());

  it('delivers every message exactly once after it is started again', async () => {
    const registered = await api('/auth/register', {
      body: { email: `crash-${Date.now()}@example.com`, password: 'SecurePass123' },
      baseUrl: stack.apiUrl,
    });
    const apiKey = registered.body.data.user.apiKey;
    const sessions = [await linkSession(apiKey, { baseUrl: stack.apiUrl }), await linkSession(apiKey, { baseUrl: stack.apiUrl })];
    const contacts = [await addContact(), await addContact(), await addContact(), await addContact()];
    const expected: string[] = [];
    for (let index = 0; index < 200; index++) {
      const text = `drain ${index}`;
      const session = sessions[index % 2]!.sessionId;
      const to = contacts[index % 4]!;
      const sent = await api('/message/send-text', {
        body: { session, to, text },
        headers: { 'x-api-key': apiKey },
        baseUrl: stack.apiUrl,
      });
      expect(sent.status, JSON.stringify(sent.body)).toBe(200);
      expected.push(text);
    }
    const receivedCount = async () => {
      const lists = await Promise.all(contacts.map((contact) => sim<Received[]>(`/contacts/${contact}/messages`)));
      return lists.flatMap((list) => list.body);
    };
    while ((await receivedCount()).length < 40) await new Promise((resolve) => setTimeout(resolve, 50));

    await stack.connectors[0]!.kill();
    const atKill = (await receivedCount()).length;
    await stack.startConnector(connectorSettings);

    const deadline = Date.now() + 90_000;
    let received = await receivedCount();
    while (received.length < 200 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      received = await receivedCount();
    }
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    received = await receivedCount();
    const contactsNow = (await sim<{ phone: string; duplicatesDropped: number }[]>('/contacts')).body.filter((contact) =>
      contacts.includes(contact.phone),
    );
    const redelivered = contactsNow.reduce((sum, contact) => sum + contact.duplicatesDropped, 0);
    console.log(
      `crash: ${atKill} of 200 had arrived when the connector was killed; after restart ${received.length} distinct arrived, ${redelivered} sent again under the same id (dropped by the phones)`,
    );

    expect(atKill).toBeLessThan(200);
    const texts = received.map(textOf).sort();
    expect(texts).toEqual([...expected].sort());
    expect(new Set(received.map((message) => message.id)).size).toBe(200);
  }, 180_000);
});
