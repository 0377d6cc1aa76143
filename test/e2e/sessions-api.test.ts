import { describe, expect, inject, it } from 'vitest';
import { api } from '../support/http.ts';
import { pollUntil } from '../support/poll.ts';
import { digits, linkSession, sim, storedAuthState, uniquePhone, waitForStatus } from '../support/sim.ts';
import { registerUser } from '../support/users.ts';

const key = (apiKey: string) => ({ 'x-api-key': apiKey });

describe('session input', () => {
  it.each([
    [{ phoneNumber: '+62812345678' }, /^Invalid body: session: /],
    [{ session: 'a b', phoneNumber: '+62812345678' }, /session: must be 1-64 letters/],
    [{ session: 'abc', phoneNumber: '62812345678' }, /phoneNumber: must be a valid phone number/],
    [{ session: 'abc', phoneNumber: '+1234' }, /phoneNumber: must be a valid phone number/],
    [{ session: 'abc', phoneNumber: '+62812345678', method: 'sms' }, /method: /],
  ])('refuses %j on /session/start with 400', async (body, message) => {
    const user = await registerUser();

    const response = await api('/session/start', { body, headers: key(user.apiKey) });

    expect(response.status).toBe(400);
    expect(response.body.error).toMatch(message);
  });

  it('needs an API key, and a JWT is not one', async () => {
    const user = await registerUser();

    expect((await api('/session/list')).status).toBe(401);
    expect((await api('/session/list', { headers: { Authorization: `Bearer ${user.token}` } })).status).toBe(401);
    expect((await api('/session/list', { headers: key(user.token) })).status).toBe(401);
  });
});

describe('GET /session/qr-image', () => {
  it('renders the current QR as a PNG, and refuses once connected', async () => {
    const user = await registerUser();
    const phone = uniquePhone();
    const started = await api('/session/start', { body: { session: digits(phone), phoneNumber: phone }, headers: key(user.apiKey) });

    const image = await fetch(`${inject('apiUrl')}/session/qr-image?session=${digits(phone)}`, { headers: key(user.apiKey) });

    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(image.headers.get('cache-control')).toBe('no-store');
    const png = Buffer.from(await image.arrayBuffer());
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.length).toBeGreaterThan(500);

    await sim('/qr/scan', { qr: started.body.qr, phone: digits(phone) });
    await waitForStatus(user.apiKey, digits(phone), (status) => status === 'connected');
    const connected = await api(`/session/qr-image?session=${digits(phone)}`, { headers: key(user.apiKey) });
    expect(connected.status).toBe(400);
    expect(connected.body).toEqual({ success: false, error: 'Session already connected' });
  });
});

describe('POST /session/check-phone', () => {
  it('tells whether the caller has an active session for a number', async () => {
    const user = await registerUser();
    const { sessionId, phone } = await linkSession(user.apiKey);

    const linked = await api('/session/check-phone', { body: { phoneNumber: phone }, headers: key(user.apiKey) });
    const other = await api('/session/check-phone', { body: { phoneNumber: uniquePhone() }, headers: key(user.apiKey) });
    const invalid = await api('/session/check-phone', { body: { phoneNumber: '0812' }, headers: key(user.apiKey) });

    expect(linked.body).toEqual({ hasActiveSession: true, session: { sessionId, phoneNumber: phone, status: 'connected' } });
    expect(other.body).toEqual({ hasActiveSession: false });
    expect(invalid.status).toBe(400);
  });
});

describe('POST /session/logout', () => {
  it('unlinks, deletes the session and its stored auth state; status is then 404', async () => {
    const user = await registerUser();
    const { sessionId, internalId } = await linkSession(user.apiKey);
    expect((await storedAuthState(internalId)).length).toBeGreaterThan(0);

    const response = await api('/session/logout', { body: { session: sessionId }, headers: key(user.apiKey) });

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ data: 'success' });
    expect((await api(`/session/status?session=${sessionId}`, { headers: key(user.apiKey) })).status).toBe(404);
    expect(await storedAuthState(internalId)).toEqual([]);
    expect((await api('/session/list', { headers: key(user.apiKey) })).body.data).toEqual([]);
  });

  it('takes the session from the query too, and needs one', async () => {
    const user = await registerUser();
    const { sessionId } = await linkSession(user.apiKey);

    const missing = await api('/session/logout', { method: 'POST', headers: key(user.apiKey) });
    const byQuery = await api(`/session/logout?session=${sessionId}`, { method: 'POST', headers: key(user.apiKey) });

    expect(missing.status).toBe(400);
    expect(byQuery.body).toEqual({ data: 'success' });
  });
});

describe('another tenant', () => {
  it("gets 404 for someone else's session on every session route, and changes nothing", async () => {
    const owner = await registerUser();
    const stranger = await registerUser();
    const { sessionId, phone } = await linkSession(owner.apiKey);
    const headers = key(stranger.apiKey);

    expect((await api(`/session/status?session=${sessionId}`, { headers })).status).toBe(404);
    expect((await api(`/session/qr-image?session=${sessionId}`, { headers })).status).toBe(404);
    expect((await api('/session/logout', { body: { session: sessionId }, headers })).status).toBe(404);
    expect((await api('/session/check-phone', { body: { phoneNumber: phone }, headers })).body).toEqual({ hasActiveSession: false });
    expect((await api('/session/list', { headers })).body.data).toEqual([]);
    expect((await api('/session/cleanup?hours=0.0001', { method: 'POST', headers })).body.data.cleanedCount).toBe(0);
    expect((await api(`/session/status?session=${sessionId}`, { headers: key(owner.apiKey) })).body.data.status).toBe('connected');
  });

  it('can have a session of the same name and number as its own, which leaves the other one as it was', async () => {
    const owner = await registerUser();
    const stranger = await registerUser();
    const { sessionId, phone } = await linkSession(owner.apiKey);

    const started = await api('/session/start', { body: { session: sessionId, phoneNumber: phone }, headers: key(stranger.apiKey) });

    expect(started.status, JSON.stringify(started.body)).toBe(200);
    expect(started.body.qr).toEqual(expect.any(String));
    const listed = (await api('/session/list', { headers: key(stranger.apiKey) })).body.data;
    expect(listed).toEqual([expect.objectContaining({ sessionId, phoneNumber: phone, userId: stranger.id, status: 'qr' })]);
    expect((await api(`/session/status?session=${sessionId}`, { headers: key(owner.apiKey) })).body.data.status).toBe('connected');
    expect((await api('/session/check-phone', { body: { phoneNumber: phone }, headers: key(owner.apiKey) })).body.session.status).toBe(
      'connected',
    );
    await api('/session/logout', { body: { session: sessionId }, headers: key(stranger.apiKey) });
    expect((await api(`/session/status?session=${sessionId}`, { headers: key(owner.apiKey) })).body.data.status).toBe('connected');
  });

  it('cannot link one phone number twice itself', async () => {
    const user = await registerUser();
    const phone = uniquePhone();
    const first = await api('/session/start', { body: { session: 'first', phoneNumber: phone }, headers: key(user.apiKey) });
    expect(first.status).toBe(200);

    const second = await api('/session/start', { body: { session: 'second', phoneNumber: phone }, headers: key(user.apiKey) });

    expect(second.status).toBe(400);
    expect(second.body).toEqual({ success: false, error: `Your session "first" already uses ${phone}` });
    await api('/session/logout', { body: { session: 'first' }, headers: key(user.apiKey) });
  });
});

describe('POST /session/cleanup', () => {
  it("deletes the caller's sessions inactive for longer than the given hours, never connected ones", async () => {
    const user = await registerUser();
    const { sessionId: connected } = await linkSession(user.apiKey);
    const phone = uniquePhone();
    await api('/session/start', { body: { session: digits(phone), phoneNumber: phone }, headers: key(user.apiKey) });
    await new Promise((resolve) => setTimeout(resolve, 50));

    const recent = await api('/session/cleanup', { method: 'POST', headers: key(user.apiKey) });
    const stale = await api('/session/cleanup?hours=0.00001', { method: 'POST', headers: key(user.apiKey) });

    expect(recent.body).toEqual({ data: { message: 'Cleaned up 0 inactive sessions', cleanedCount: 0 } });
    expect(stale.body).toEqual({ data: { message: 'Cleaned up 1 inactive sessions', cleanedCount: 1 } });
    const left = (await api('/session/list', { headers: key(user.apiKey) })).body.data.map(
      (session: { sessionId: string }) => session.sessionId,
    );
    expect(left).toEqual([connected]);
  });

  it('refuses a bad hours value', async () => {
    const user = await registerUser();

    expect((await api('/session/cleanup?hours=-1', { method: 'POST', headers: key(user.apiKey) })).status).toBe(400);
    expect((await api('/session/cleanup?hours=many', { method: 'POST', headers: key(user.apiKey) })).status).toBe(400);
  });
});

describe('disconnects', () => {
  const kick = (sessionId: string, reason: number | string) => sim(`/accounts/${sessionId}/kick`, { reason });

  it('515 (restart required): reconnects by itself and stays connected', async () => {
    const user = await registerUser();
    const { sessionId } = await linkSession(user.apiKey);

    expect((await kick(sessionId, 515)).status).toBe(204);

    // A 515 writes no status of its own: the sign of the new socket is the account online again.
    const online = async () =>
      ((await sim('/accounts')).body as { phone: string; online: boolean }[]).find((account) => account.phone === sessionId)?.online;
    expect(await pollUntil(online, (isOnline) => isOnline === true, { timeoutMs: 10_000 })).toBe(true);
    expect((await api(`/session/status?session=${sessionId}`, { headers: key(user.apiKey) })).body.data.status).toBe('connected');
  });

  it('440 (replaced): stops, with the reason (in the session list too), and does not reconnect', async () => {
    const user = await registerUser();
    const { sessionId } = await linkSession(user.apiKey);

    await kick(sessionId, 440);

    const stopped = await waitForStatus(user.apiKey, sessionId, (status) => status === 'stopped');
    expect(stopped.lastError).toMatch(/replaced/);
    const listed = (await api('/session/list', { headers: key(user.apiKey) })).body.data;
    expect(listed).toEqual([expect.objectContaining({ sessionId, status: 'stopped', lastError: stopped.lastError })]);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect((await api(`/session/status?session=${sessionId}`, { headers: key(user.apiKey) })).body.data.status).toBe('stopped');
  });

  it('401 (logged out from the phone): logged_out, and the auth state is deleted', async () => {
    const user = await registerUser();
    const { sessionId, internalId } = await linkSession(user.apiKey);

    await kick(sessionId, 401);

    const loggedOut = await waitForStatus(user.apiKey, sessionId, (status) => status === 'logged_out');
    expect(loggedOut.lastError).toMatch(/unlinked/);
    expect(await storedAuthState(internalId)).toEqual([]);
  });

  it.each([[408], ['drop']])('%s (connection lost): reconnecting, then connected again', async (reason) => {
    const user = await registerUser();
    const { sessionId } = await linkSession(user.apiKey);

    await kick(sessionId, reason);

    await waitForStatus(user.apiKey, sessionId, (status) => status === 'reconnecting');
    await waitForStatus(user.apiKey, sessionId, (status) => status === 'connected');
  });
});
