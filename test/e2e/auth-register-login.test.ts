import { describe, expect, inject, it } from 'vitest';
import { api } from '../support/http.ts';
import { bearer, createAdmin, registerUser, uniqueEmail } from '../support/users.ts';

describe('POST /auth/register', () => {
  it('follows the seed: a user with an API key and a token', async () => {
    const email = uniqueEmail();

    // The seed's Frontend Integration Guide, step 1, verbatim but for the address.
    const registerResponse = await fetch(`${inject('apiUrl')}/auth/register`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password: 'SecurePass123', role: 'user' }),
    });
    const body = (await registerResponse.json()) as any;
    const {
      data: { token, user },
    } = body;

    expect(registerResponse.status).toBe(200);
    expect(body.success).toBe(true);
    expect(Object.keys(user).sort()).toEqual(['apiKey', 'createdAt', 'email', 'id', 'role']);
    expect(user).toMatchObject({ email, role: 'user' });
    expect(Number.isInteger(user.id) && user.id > 0).toBe(true);
    expect(user.apiKey).toMatch(/^whk_[A-Za-z0-9_-]{43}$/);
    expect(token.split('.')).toHaveLength(3);
    const me = await api('/auth/me', { headers: bearer(token) });
    expect(me.body.data).toEqual(user);
  });

  it('gives ids from a counter, one apart for consecutive sign-ups', async () => {
    const first = await registerUser();
    const second = await registerUser();

    expect(second.id).toBeGreaterThan(first.id);
  });

  it('normalizes emails, so a differently written duplicate is refused with 400', async () => {
    const user = await registerUser();

    const response = await api('/auth/register', { body: { email: `  ${user.email.toUpperCase()} `, password: 'AnotherPass123' } });

    expect(response.status).toBe(400);
    expect(response.body).toEqual({ success: false, error: 'A user with this email already exists' });
  });

  it.each([
    [{ password: 'SecurePass123' }, /^Invalid body: email: /],
    [{ email: 'not-an-email', password: 'SecurePass123' }, /^Invalid body: email: must be a valid email address/],
    [{ email: 'a@example.com' }, /^Invalid body: password: /],
    [{ email: 'a@example.com', password: 'short' }, /password: must be at least 8 characters/],
    [{ email: 'a@example.com', password: 'é'.repeat(37) }, /password: must be at most 72 bytes/],
    [{ email: 'a@example.com', password: 12345678 }, /password: /],
    [{ email: 'a@example.com', password: 'SecurePass123', role: 'owner' }, /role: /],
  ])('refuses %j with a 400 naming the field', async (body, message) => {
    const response = await api('/auth/register', { body });

    expect(response.status).toBe(400);
    expect(response.body.success).toBe(false);
    expect(response.body.error).toMatch(message);
  });

  it('answers 400 for malformed JSON and for a missing body', async () => {
    const malformed = await api('/auth/register', { rawBody: '{"email": "a@example.com",' });
    const missing = await api('/auth/register', { method: 'POST' });

    expect(malformed.status).toBe(400);
    expect(malformed.body).toEqual({ success: false, error: 'Request body is not valid JSON' });
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({ success: false, error: 'Request body is required' });
  });

  it('answers 413 for a huge body without creating anything', async () => {
    const email = uniqueEmail('huge');

    const response = await api('/auth/register', {
      rawBody: JSON.stringify({ email, password: 'SecurePass123', pad: 'x'.repeat(2_000_000) }),
    });

    expect(response.status).toBe(413);
    expect(response.body).toEqual({ success: false, error: 'Request body is too large' });
    expect((await api('/auth/login', { body: { email, password: 'SecurePass123' } })).status).toBe(401);
  });

  it('never lets self-registration create an admin', async () => {
    const user = await registerUser();
    const email = uniqueEmail('climber');

    const anonymous = await api('/auth/register', { body: { email, password: 'SecurePass123', role: 'admin' } });
    const byUser = await api('/auth/register', { body: { email, password: 'SecurePass123', role: 'admin' }, headers: bearer(user.token) });

    expect(anonymous.status).toBe(403);
    expect(anonymous.body).toEqual({ success: false, error: 'Only an admin can create admin accounts' });
    expect(byUser.status).toBe(403);
    expect((await api('/auth/login', { body: { email, password: 'SecurePass123' } })).status).toBe(401);
  });

  it('lets an admin create another admin', async () => {
    const admin = await createAdmin();

    const response = await api('/auth/register', {
      body: { email: uniqueEmail('second-admin'), password: 'SecurePass123', role: 'admin' },
      headers: bearer(admin.token),
    });

    expect(response.status).toBe(200);
    expect(response.body.data.user.role).toBe('admin');
  });
});

describe('POST /auth/login', () => {
  it('signs in with the seed shape', async () => {
    const user = await registerUser();

    const response = await api('/auth/login', { body: { email: user.email.toUpperCase(), password: user.password } });

    expect(response.status).toBe(200);
    expect(response.body.data.user).toMatchObject({ id: user.id, email: user.email, role: 'user', apiKey: user.apiKey });
    expect((await api('/auth/me', { headers: bearer(response.body.data.token) })).status).toBe(200);
  });

  it('answers an unknown email and a wrong password alike, both paying the bcrypt cost', async () => {
    const user = await registerUser();

    const timed = async (body: object) => {
      const started = performance.now();
      const response = await api('/auth/login', { body });
      return { response, ms: performance.now() - started };
    };
    const wrongPassword = await timed({ email: user.email, password: 'not-the-password' });
    const unknownEmail = await timed({ email: uniqueEmail('nobody'), password: 'not-the-password' });

    expect(wrongPassword.response.status).toBe(401);
    expect(unknownEmail.response.status).toBe(401);
    expect(unknownEmail.response.body).toEqual(wrongPassword.response.body);
    expect(wrongPassword.response.body).toEqual({ success: false, error: 'Invalid email or password' });
    // A skipped comparison would answer in a few milliseconds; a bcrypt compare costs tens of them.
    expect(unknownEmail.ms).toBeGreaterThan(wrongPassword.ms * 0.5);
  });

  it('refuses further attempts after 5 failures within 15 minutes, even with the right password', async () => {
    const user = await registerUser();
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await api('/auth/login', { body: { email: user.email, password: 'wrong-password' } })).status).toBe(401);
    }

    const locked = await api('/auth/login', { body: { email: user.email, password: user.password } });

    expect(locked.status).toBe(429);
    expect(locked.body.success).toBe(false);
    const retryAfter = Number(locked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(800);
    expect(retryAfter).toBeLessThanOrEqual(900);
  });

  it('lets 30 parallel wrong guesses try only 5 passwords, and then refuses the right one among 29 parallel wrong ones', async () => {
    const user = await registerUser();
    const guess = (password: string) => api('/auth/login', { body: { email: user.email, password } });

    const burst = await Promise.all(Array.from({ length: 30 }, (_, attempt) => guess(`wrong-password-${attempt}`)));
    const withTheRightOne = await Promise.all([
      guess(user.password),
      ...Array.from({ length: 29 }, (_, attempt) => guess(`another-wrong-${attempt}`)),
    ]);

    const statuses = burst.map((response) => response.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(25);
    for (const refused of [...burst, ...withTheRightOne].filter((response) => response.status === 429)) {
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(800);
      expect(retryAfter).toBeLessThanOrEqual(900);
    }
    expect(withTheRightOne.map((response) => response.status)).toEqual(Array(30).fill(429));
    expect((await guess(user.password)).status).toBe(429);
  });

  it('lets a successful login reset the count of failures', async () => {
    const user = await registerUser();
    const fail = () => api('/auth/login', { body: { email: user.email, password: 'wrong-password' } });
    for (let attempt = 0; attempt < 4; attempt++) await fail();
    expect((await api('/auth/login', { body: { email: user.email, password: user.password } })).status).toBe(200);

    for (let attempt = 0; attempt < 4; attempt++) expect((await fail()).status).toBe(401);
  });
});
