import { DisconnectReason } from '@whiskeysockets/baileys';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startControlApi, type ControlApi } from './control-api.ts';
import { linkByQr, nextEvent, useSimulator, waitForClose, waitForOpen, waitForQr } from './harness.ts';
import { createMemoryAuthState } from './memory-auth-state.ts';

const ACCOUNT = '15550001111';
const ALICE = '15550002222';

describe('the HTTP control API', () => {
  const { sim, clients } = useSimulator();
  let control: ControlApi;

  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${control.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text && response.headers.get('content-type') === 'application/json' ? JSON.parse(text) : text };
  };

  beforeEach(async () => {
    control = await startControlApi(sim());
  });

  afterEach(async () => {
    await control.close();
  });

  it('links by a scanned QR, relays messages both ways and kicks the session', async () => {
    // Prepare
    const auth = createMemoryAuthState();
    const pairing = clients().connect(auth);
    const qr = await waitForQr(pairing);
    const restarted = waitForClose(pairing);
    const contact = await call('POST', '/contacts', { phone: ALICE, name: 'Alice' });

    // Act
    const scan = await call('POST', '/qr/scan', { qr, phone: ACCOUNT });
    await restarted;
    const socket = clients().connect(auth);
    await waitForOpen(socket);
    const sent = await socket.sendMessage(`${ALICE}@s.whatsapp.net`, { text: 'over HTTP' });
    await sim().waitForMessage(ALICE);
    const received = await call('GET', `/contacts/${ALICE}/messages`);
    const upsert = nextEvent(socket, 'messages.upsert', ({ type }) => type === 'notify');
    const inbound = await call('POST', `/contacts/${ALICE}/messages`, { to: ACCOUNT, text: 'reply over HTTP' });
    const { messages } = await upsert;
    const closed = waitForClose(socket);
    const kick = await call('POST', `/accounts/${ACCOUNT}/kick`, { reason: 440 });

    // Assess
    expect(contact).toMatchObject({ status: 201, body: { phone: ALICE, jid: `${ALICE}@s.whatsapp.net` } });
    expect(scan).toMatchObject({ status: 200, body: { phone: ACCOUNT } });
    expect(received.body).toEqual([
      expect.objectContaining({
        id: sent?.key.id,
        from: `${ACCOUNT}@s.whatsapp.net`,
        to: `${ALICE}@s.whatsapp.net`,
        message: expect.objectContaining({ extendedTextMessage: expect.objectContaining({ text: 'over HTTP' }) }),
      }),
    ]);
    expect(inbound.status).toBe(201);
    expect(messages[0]?.key.id).toBe(inbound.body.id);
    expect(messages[0]?.message?.conversation).toBe('reply over HTTP');
    expect(kick.status).toBe(204);
    expect(await closed).toBe(DisconnectReason.connectionReplaced);
  });

  it("sends any content shape from a contact or the account's phone, saying whether it waits for the client", async () => {
    // Prepare
    sim().addContact({ phone: ALICE, name: 'Alice' });
    const { socket } = await linkByQr(sim(), clients(), ACCOUNT);
    const located = nextEvent(socket, 'messages.upsert', ({ messages }) => !!messages[0]?.message?.locationMessage);
    const typedOnPhone = nextEvent(socket, 'messages.upsert', ({ messages }) => !!messages[0]?.key.fromMe);

    // Act
    const location = await call('POST', `/contacts/${ALICE}/messages`, {
      to: ACCOUNT,
      pushName: 'Alice on the go',
      content: { type: 'location', latitude: 52.37, longitude: 4.89 },
    });
    const fromPhone = await call('POST', `/accounts/${ACCOUNT}/phone-messages`, { to: ALICE, text: 'typed on the phone' });
    const [{ messages: locations }, { messages: typed }] = await Promise.all([located, typedOnPhone]);
    const closed = waitForClose(socket);
    sim().kick(ACCOUNT, 440);
    await closed;
    const whileAway = await call('POST', `/contacts/${ALICE}/messages`, { to: ACCOUNT, content: { type: 'text', text: 'later' } });

    // Assess
    expect(location).toEqual({ status: 201, body: { id: locations[0]?.key.id, queued: false } });
    expect(locations[0]?.pushName).toBe('Alice on the go');
    expect(fromPhone).toEqual({ status: 201, body: { id: typed[0]?.key.id, queued: false } });
    expect(typed[0]?.message?.conversation).toBe('typed on the phone');
    expect(whileAway).toMatchObject({ status: 201, body: { queued: true } });
  });

  it('refuses a message of an unknown shape, or for a group the contact is not in', async () => {
    // Prepare
    sim().addContact({ phone: ALICE });
    await linkByQr(sim(), clients(), ACCOUNT);

    // Act
    const unknownShape = await call('POST', `/contacts/${ALICE}/messages`, { to: ACCOUNT, content: { type: 'hologram' } });
    const noGroup = await call('POST', `/contacts/${ALICE}/messages`, { to: ACCOUNT, group: '1203@g.us', text: 'hi' });

    // Assess
    expect(unknownShape.status).toBe(400);
    expect(noGroup).toEqual({ status: 404, body: { error: 'no group 1203@g.us' } });
  });

  it('answers bad requests with 400 and unknown things with 404', async () => {
    // Act
    const invalid = await call('POST', '/qr/scan', { qr: '' });
    const unknownQr = await call('POST', '/qr/scan', { qr: 'https://wa.me/settings/linked_devices#a,b,c,d,1', phone: ACCOUNT });
    const noSession = await call('POST', `/accounts/${ACCOUNT}/kick`, { reason: 401 });
    const noRoute = await call('GET', '/nothing');

    // Assess
    expect(invalid.status).toBe(400);
    expect(unknownQr.status).toBe(404);
    expect(noSession.status).toBe(404);
    expect(noRoute.status).toBe(404);
  });

  it('serves the media CA and the simulator URLs', async () => {
    // Act
    const info = await call('GET', '/');
    const ca = await call('GET', '/ca.pem');

    // Assess
    expect(info.body).toEqual({ wsUrl: sim().wsUrl, mediaUrl: sim().mediaUrl, controlUrl: control.url });
    expect(ca.body).toBe(sim().caPem);
  });
});
