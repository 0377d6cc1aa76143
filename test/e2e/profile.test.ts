import { describe, expect, it } from 'vitest';
import { api } from '../support/http.ts';
import { digits, linkSession, sim, uniquePhone, waitForStatus } from '../support/sim.ts';
import { registerUser } from '../support/users.ts';

const key = (apiKey: string) => ({ 'x-api-key': apiKey });

/**
 * POST /profile once the session is connected. On a loaded 2-core CI machine the shared connector's
 * socket has been seen to drop and reconnect just after linking (cause not found yet: see the
 * closing note); a lookup meanwhile answers 400 "Session is not connected", as it should.
 */
async function lookUp(apiKey: string, session: string, target: string) {
  await waitForStatus(apiKey, session, (status) => status === 'connected');
  return api('/profile', { body: { session, target }, headers: key(apiKey) });
}

describe('POST /profile', () => {
  it('looks a contact up by number or JID: about and picture, null when hidden', async () => {
    const user = await registerUser();
    const { sessionId } = await linkSession(user.apiKey);
    const visible = digits(uniquePhone());
    const hidden = digits(uniquePhone());
    await sim('/contacts', {
      phone: visible,
      name: 'John Doe',
      status: 'Available',
      pictureBase64: Buffer.from('a picture').toString('base64'),
    });
    await sim('/contacts', { phone: hidden, statusHidden: true, pictureHidden: true });

    const byNumber = await lookUp(user.apiKey, sessionId, visible);
    const byJid = await lookUp(user.apiKey, sessionId, `${hidden}@s.whatsapp.net`);

    expect(byNumber.status, JSON.stringify(byNumber.body)).toBe(200);
    expect(byNumber.body.data).toMatchObject({ about: 'Available', phoneNumber: `+${visible}` });
    expect(byNumber.body.data.profilePicUrl).toMatch(/^https:\/\//);
    expect(byJid.body.data).toEqual({ name: null, about: null, profilePicUrl: null, phoneNumber: `+${hidden}` });
  });

  it('answers 400 "target not registered" for a number not on WhatsApp, and 400 for bad input', async () => {
    const user = await registerUser();
    const { sessionId } = await linkSession(user.apiKey);
    const absent = digits(uniquePhone());
    await sim('/contacts', { phone: absent, onWhatsApp: false });

    const missing = await lookUp(user.apiKey, sessionId, absent);
    const invalid = await api('/profile', { body: { session: sessionId, target: 'someone' }, headers: key(user.apiKey) });
    const stranger = await api('/profile', { body: { session: 'not-mine', target: absent }, headers: key(user.apiKey) });

    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({ success: false, error: 'target not registered' });
    expect(invalid.status).toBe(400);
    expect(stranger.body).toEqual({ success: false, error: 'Session does not exist' });
  });
});
