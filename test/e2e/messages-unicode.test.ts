import { beforeAll, describe, expect, it } from 'vitest';
import { api } from '../support/http.ts';
import { pollUntil } from '../support/poll.ts';
import { addContact, linkSession, textOf, waitForReceived } from '../support/sim.ts';
import { registerUser, type TestUser } from '../support/users.ts';

const sentStatuses = ['completed', 'delivered', 'read'];

describe('sending text in any script', () => {
  let user: TestUser;
  let session: string;

  beforeAll(async () => {
    user = await registerUser();
    session = (await linkSession(user.apiKey)).sessionId;
  });

  /** The message's entry in the session's queue status once it has been sent. */
  const waitUntilSent = (messageId: string) =>
    pollUntil(
      async () =>
        (await api(`/message/queue-status?session=${session}`, { headers: { 'x-api-key': user.apiKey } })).body.queue.find(
          (queued: { messageId: string }) => queued.messageId === messageId,
        ),
      (entry) => sentStatuses.includes(entry?.status),
      { timeoutMs: 15_000, failure: (entry) => `message ${messageId} was not sent; last: ${JSON.stringify(entry)}` },
    );

  it.each([
    ['emoji beyond the Basic Multilingual Plane', 'Hi 😀🎉 family 👨‍👩‍👧‍👦 wave 👋🏽 pride 🏳️‍🌈 flags 🇯🇵🇧🇷🇩🇪 🏴󠁧󠁢󠁳󠁣󠁴󠁿 keycap 1️⃣ music 𝄞'],
    ['U+FFFE and U+FFFF, which SQS refuses as they are', 'before \uFFFE between \uFFFF after \uFFFF\uFFFE'],
    [
      'Arabic, CJK and combining marks',
      'مرحبا بالعالم — 你好，世界 — 한국어 — 𠀀𪚥 — e\u0301 n\u0303 a\u0308\u0323 Z\u0335\u0321a\u0336l\u0337g\u0338o',
    ],
  ])('delivers a text with %s, decrypted as the identical string', async (_, text) => {
    const contact = await addContact();

    const sent = await api('/message/send-text', { body: { session, to: contact, text }, headers: { 'x-api-key': user.apiKey } });

    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    const [received] = await waitForReceived(contact, 1);
    expect(textOf(received!)).toBe(text);
    expect(await waitUntilSent(sent.body.messageId)).toMatchObject({ to: contact, type: 'text' });
  });
});
