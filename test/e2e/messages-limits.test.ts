import { describe, expect, it } from 'vitest';
import { api } from '../support/http.ts';
import { addContact, digits, linkSession, sim, textOf, uniquePhone, waitForReceived, waitForStatus } from '../support/sim.ts';
import { registerUser } from '../support/users.ts';

const key = (apiKey: string) => ({ 'x-api-key': apiKey });

describe('rate limits', () => {
  it('admits exactly 20 of 25 concurrent sends in a minute; the rest get 429 with Retry-After and the limit', async () => {
    const user = await registerUser();
    const { sessionId } = await linkSession(user.apiKey);
    const recipients = [await addContact(), await addContact(), await addContact()];

    const answers = await Promise.all(
      Array.from({ length: 25 }, (_, index) =>
        api('/message/send-text', {
          body: { session: sessionId, to: recipients[index % 3], text: `burst ${index}` },
          headers: key(user.apiKey),
        }),
      ),
    );

    const accepted = answers.filter((answer) => answer.status === 200);
    const limited = answers.filter((answer) => answer.status === 429);
    expect(accepted).toHaveLength(20);
    expect(limited).toHaveLength(5);
    for (const answer of limited) {
      expect(answer.body).toEqual({ success: false, error: 'Rate limit exceeded: 20 messages per minute per session' });
      expect(Number(answer.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(Number(answer.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    }
    const status = await api(`/message/queue-status?session=${sessionId}`, { headers: key(user.apiKey) });
    const counted = Object.values(status.body.stats as Record<string, number>).reduce((sum, count) => sum + count, 0);
    expect(counted).toBe(20);
  });

  it('admits 10 messages an hour to one recipient, then refuses that recipient only', async () => {
    const user = await registerUser();
    const { sessionId } = await linkSession(user.apiKey);
    const [busy, other] = [await addContact(), await addContact()];
    for (let index = 0; index < 10; index++) {
      expect(
        (await api('/message/send-text', { body: { session: sessionId, to: busy, text: `n${index}` }, headers: key(user.apiKey) })).status,
      ).toBe(200);
    }

    const eleventh = await api('/message/send-text', { body: { session: sessionId, to: busy, text: 'n10' }, headers: key(user.apiKey) });
    const elsewhere = await api('/message/send-text', { body: { session: sessionId, to: other, text: 'hi' }, headers: key(user.apiKey) });

    expect(eleventh.status).toBe(429);
    expect(eleventh.body.error).toBe('Rate limit exceeded: 10 messages per hour to one recipient per session');
    expect(Number(eleventh.headers.get('retry-after'))).toBeLessThanOrEqual(3_600);
    expect(elsewhere.status).toBe(200);
  });
});

describe('send input', () => {
  it.each([
    ['/message/send-text', { to: '6287654321' }, /^Invalid body: text: /],
    ['/message/send-text', { to: '+6287654321', text: 'hi' }, /to: must be the number in international format/],
    ['/message/send-text', { to: '6287654321', text: 'x'.repeat(65_537) }, /text: /],
    ['/message/send-text', { to: 'abc@g.us', text: 'hi', is_group: true }, /to: must be a group id/],
    ['/message/send-image', { to: '6287654321', image_url: 'ftp://example.com/a.png' }, /image_url/],
    ['/message/send-image', { to: '6287654321', image_url: 'http://169.254.169.254/latest/meta-data/' }, /image_url/],
    ['/message/send-image', { to: '6287654321', image_url: 'http://10.0.0.8/a.png' }, /image_url/],
    ['/message/send-image', { to: '6287654321', image_url: 'not a url' }, /image_url/],
    ['/message/send-image', { to: '6287654321', image_url: 'https://example.com/a.png', text: 'c'.repeat(1_025) }, /text: /],
    [
      '/message/send-document',
      { to: '6287654321', document_url: 'https://example.com/a.pdf', document_name: '../../etc/passwd' },
      /document_name/,
    ],
  ])('%s refuses %j with 400 naming the field', async (path, fields, message) => {
    const user = await registerUser();
    const { sessionId } = await linkSession(user.apiKey);

    const answer = await api(path, { body: { session: sessionId, ...fields }, headers: key(user.apiKey) });

    expect(answer.status).toBe(400);
    expect(answer.body.success).toBe(false);
    expect(answer.body.error).toMatch(message);
  });

  it("answers 400 'Session does not exist' for a missing session and for another tenant's", async () => {
    const owner = await registerUser();
    const stranger = await registerUser();
    const { sessionId } = await linkSession(owner.apiKey);

    for (const session of [sessionId, 'no-such-session']) {
      const sent = await api('/message/send-text', { body: { session, to: '6287654321', text: 'hi' }, headers: key(stranger.apiKey) });
      expect(sent.status).toBe(400);
      expect(sent.body).toEqual({ success: false, error: 'Session does not exist' });
      expect((await api(`/message/queue-status?session=${session}`, { headers: key(stranger.apiKey) })).body).toEqual({
        success: false,
        error: 'Session does not exist',
      });
    }
  });
});

describe('Idempotency-Key', () => {
  it('answers the first message id for a repeat and sends nothing new; another body is a 409', async () => {
    const user = await registerUser();
    const { sessionId } = await linkSession(user.apiKey);
    const contact = await addContact();
    const headers = { ...key(user.apiKey), 'Idempotency-Key': `order-${Date.now()}` };
    const body = { session: sessionId, to: contact, text: 'Your order shipped' };

    const first = await api('/message/send-text', { body, headers });
    const repeat = await api('/message/send-text', { body, headers });
    const different = await api('/message/send-text', { body: { ...body, text: 'Something else' }, headers });

    expect(first.status).toBe(200);
    expect(repeat.body.messageId).toBe(first.body.messageId);
    expect(different.status).toBe(409);
    await waitForReceived(contact, 1);
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect((await sim(`/contacts/${contact}/messages`)).body).toHaveLength(1);
  });
});

describe('session state', () => {
  it('holds messages queued before the session is linked and sends them once it connects', async () => {
    const user = await registerUser();
    const phone = uniquePhone();
    const contact = await addContact();
    const started = await api('/session/start', { body: { session: digits(phone), phoneNumber: phone }, headers: key(user.apiKey) });

    const sent = await api('/message/send-text', {
      body: { session: digits(phone), to: contact, text: 'sent before linking' },
      headers: key(user.apiKey),
    });
    expect(sent.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await sim(`/contacts/${contact}/messages`)).body).toEqual([]);
    await sim('/qr/scan', { qr: started.body.qr, phone: digits(phone) });

    const [received] = await waitForReceived(contact, 1);
    expect(textOf(received!)).toBe('sent before linking');
  });

  it("shows nothing of a deleted session's messages to the next user who takes its id", async () => {
    const [first, next] = [await registerUser(), await registerUser()];
    const phone = uniquePhone();
    const session = digits(phone);
    await api('/session/start', { body: { session, phoneNumber: phone }, headers: key(first.apiKey) });
    const sent = await api('/message/send-text', {
      body: { session, to: '6287654321', text: 'private to the first user' },
      headers: key(first.apiKey),
    });
    expect(sent.status).toBe(200);
    expect((await api('/session/logout', { body: { session }, headers: key(first.apiKey) })).status).toBe(200);

    expect((await api('/session/start', { body: { session, phoneNumber: phone }, headers: key(next.apiKey) })).status).toBe(200);
    const status = await api(`/message/queue-status?session=${session}`, { headers: key(next.apiKey) });

    expect(status.status).toBe(200);
    expect(status.body).toEqual({ session, stats: { pending: 0, processing: 0, completed: 0, failed: 0 }, queue: [] });
  });

  it('refuses sends through a logged-out session', async () => {
    const user = await registerUser();
    const { sessionId } = await linkSession(user.apiKey);
    await sim(`/accounts/${sessionId}/kick`, { reason: 401 });
    await waitForStatus(user.apiKey, sessionId, (status) => status === 'logged_out');

    const sent = await api('/message/send-text', { body: { session: sessionId, to: '6287654321', text: 'hi' }, headers: key(user.apiKey) });

    expect(sent.status).toBe(400);
    expect(sent.body.error).toMatch(/^Session is logged out/);
  });
});
