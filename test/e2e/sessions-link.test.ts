import { describe, expect, it } from 'vitest';
import { api } from '../support/http.ts';
import { digits, linkSession, sim, uniquePhone, waitForStatus } from '../support/sim.ts';
import { registerUser } from '../support/users.ts';

describe('linking a number', () => {
  it('start → QR → scan → connected, then start answers "Connected"', async () => {
    const user = await registerUser();
    const headers = { 'x-api-key': user.apiKey };
    const phone = uniquePhone();
    const sessionId = digits(phone);

    const started = await api('/session/start', { body: { session: sessionId, phoneNumber: phone }, headers });

    expect(started.status).toBe(200);
    expect(Object.keys(started.body)).toEqual(['qr']);
    expect(started.body.qr).toContain('2@');
    const before = await api(`/session/status?session=${sessionId}`, { headers });
    expect(before.body.data).toMatchObject({ sessionId, phoneNumber: phone, status: 'qr', isConnected: false });
    const scanned = await sim('/qr/scan', { qr: started.body.qr, phone: sessionId });
    expect(scanned.status).toBe(200);
    const connected = await waitForStatus(user.apiKey, sessionId, (status) => status === 'connected');
    expect(connected.isConnected).toBe(true);
    const again = await api('/session/start', { body: { session: sessionId, phoneNumber: phone }, headers });
    expect(again.body).toEqual({ data: { message: 'Connected' } });
  });

  it('links by pairing code', async () => {
    const user = await registerUser();
    const headers = { 'x-api-key': user.apiKey };
    const phone = uniquePhone();

    const started = await api('/session/start', { body: { session: digits(phone), phoneNumber: phone, method: 'code' }, headers });

    expect(started.status).toBe(200);
    expect(started.body.pairingCode).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const entered = await sim('/pairing-code', { phone: digits(phone), code: started.body.pairingCode.replace('-', '') });
    expect(entered.status).toBe(200);
    await waitForStatus(user.apiKey, digits(phone), (status) => status === 'connected');
  });

  it('answers /session/create with the session and its QR as a PNG data URL', async () => {
    const user = await registerUser();
    const phone = uniquePhone();

    const created = await api('/session/create', {
      body: { session: digits(phone), phoneNumber: phone },
      headers: { 'x-api-key': user.apiKey },
    });

    expect(created.status).toBe(200);
    expect(created.body.success).toBe(true);
    expect(created.body.data).toMatchObject({
      sessionId: digits(phone),
      phoneNumber: phone,
      status: 'qr',
      userId: user.id,
      pairingCode: null,
    });
    expect(created.body.data.qr).toMatch(/^data:image\/png;base64,/);
    expect(Buffer.from(created.body.data.qr.split(',')[1], 'base64').subarray(1, 4).toString()).toBe('PNG');
  });

  it('lists the linked session in /session/list and /user/accounts', async () => {
    const user = await registerUser();
    const { sessionId, phone } = await linkSession(user.apiKey);

    const list = await api('/session/list', { headers: { 'x-api-key': user.apiKey } });
    const accounts = await api('/user/accounts', { headers: { Authorization: `Bearer ${user.token}` } });

    expect(list.body.data).toEqual([expect.objectContaining({ sessionId, phoneNumber: phone, status: 'connected', userId: user.id })]);
    expect(accounts.body.data).toEqual(list.body.data);
  });
});
