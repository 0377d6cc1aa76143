import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { dynamoClient } from '../../shared/aws-clients.ts';
import { tableName } from '../../shared/db.ts';
import { api } from '../support/http.ts';
import { bearer, createAdmin, registerUser, uniqueEmail } from '../support/users.ts';

describe('GET /user/profile', () => {
  it('shows the caller their own profile in the seed shape', async () => {
    const user = await registerUser();

    const response = await api('/user/profile', { headers: bearer(user.token) });

    expect(response.status).toBe(200);
    expect(Object.keys(response.body.data).sort()).toEqual(['apiKey', 'createdAt', 'email', 'id', 'role', 'updatedAt']);
    expect(response.body.data).toMatchObject({ id: user.id, email: user.email, role: 'user', apiKey: user.apiKey });
  });
});

describe('PUT /user/profile', () => {
  it('changes the email, moving its uniqueness: the old address is free, the new one is taken', async () => {
    const user = await registerUser();
    const newEmail = uniqueEmail('moved');

    const response = await api('/user/profile', {
      method: 'PUT',
      body: { email: newEmail, currentPassword: user.password },
      headers: bearer(user.token),
    });

    expect(response.status).toBe(200);
    expect(Object.keys(response.body.data).sort()).toEqual(['apiKey', 'email', 'id', 'role', 'updatedAt']);
    expect(response.body.data.email).toBe(newEmail);
    expect((await api('/auth/login', { body: { email: newEmail, password: user.password } })).status).toBe(200);
    expect((await api('/auth/register', { body: { email: user.email, password: 'SecurePass123' } })).status).toBe(200);
    expect((await api('/auth/register', { body: { email: newEmail, password: 'SecurePass123' } })).status).toBe(400);
  });

  it('refuses an email another user holds, changing nothing', async () => {
    const [user, other] = await Promise.all([registerUser(), registerUser()]);

    const response = await api('/user/profile', {
      method: 'PUT',
      body: { email: other.email, currentPassword: user.password },
      headers: bearer(user.token),
    });

    expect(response.status).toBe(400);
    expect(response.body).toEqual({ success: false, error: 'A user with this email already exists' });
    expect((await api('/user/profile', { headers: bearer(user.token) })).body.data.email).toBe(user.email);
  });

  it('changes the password and revokes every token issued before', async () => {
    const user = await registerUser();

    const response = await api('/user/profile', {
      method: 'PUT',
      body: { password: 'BrandNewPass456', currentPassword: user.password },
      headers: bearer(user.token),
    });

    expect(response.status).toBe(200);
    expect((await api('/auth/me', { headers: bearer(user.token) })).status).toBe(401);
    expect((await api('/auth/refresh', { body: { refreshToken: user.refreshToken } })).status).toBe(401);
    expect((await api('/auth/login', { body: { email: user.email, password: user.password } })).status).toBe(401);
    const login = await api('/auth/login', { body: { email: user.email, password: 'BrandNewPass456' } });
    expect(login.status).toBe(200);
    expect((await api('/auth/me', { headers: bearer(login.body.data.token) })).status).toBe(200);
  });

  it.each([
    { role: 'admin' },
    { id: 1 },
    { apiKey: 'whk_mine' },
    { createdAt: '2020-01-01T00:00:00.000Z' },
    { updatedAt: '2020-01-01T00:00:00.000Z' },
    { email: 'x@example.com', role: 'admin' },
  ])('refuses to change %j with 400', async (body) => {
    const user = await registerUser();

    const response = await api('/user/profile', {
      method: 'PUT',
      body: { ...body, currentPassword: user.password },
      headers: bearer(user.token),
    });

    expect(response.status).toBe(400);
    expect(response.body.error).toMatch(/cannot be changed/);
    expect((await api('/user/profile', { headers: bearer(user.token) })).body.data).toMatchObject({ role: 'user', email: user.email });
  });

  it('refuses an empty change and an invalid password', async () => {
    const user = await registerUser();

    expect(
      (await api('/user/profile', { method: 'PUT', body: { currentPassword: user.password }, headers: bearer(user.token) })).status,
    ).toBe(400);
    expect(
      (
        await api('/user/profile', {
          method: 'PUT',
          body: { password: 'x'.repeat(73), currentPassword: user.password },
          headers: bearer(user.token),
        })
      ).status,
    ).toBe(400);
  });

  it.each([{ email: uniqueEmail('unconfirmed') }, { password: 'BrandNewPass456' }])(
    'refuses %j without the current password, naming the field',
    async (change) => {
      const user = await registerUser();

      const response = await api('/user/profile', { method: 'PUT', body: change, headers: bearer(user.token) });

      expect(response.status).toBe(400);
      expect(response.body).toEqual({ success: false, error: 'Invalid body: currentPassword: is required' });
      expect((await api('/auth/login', { body: { email: user.email, password: user.password } })).status).toBe(200);
    },
  );

  it('refuses a wrong current password with 403, leaving the profile and the token as they were', async () => {
    const user = await registerUser();

    const email = await api('/user/profile', {
      method: 'PUT',
      body: { email: uniqueEmail('hijacked'), currentPassword: 'not-the-password' },
      headers: bearer(user.token),
    });
    const password = await api('/user/profile', {
      method: 'PUT',
      body: { password: 'BrandNewPass456', currentPassword: 'not-the-password' },
      headers: bearer(user.token),
    });

    for (const response of [email, password]) {
      expect(response.status).toBe(403);
      expect(response.body).toEqual({ success: false, error: 'Current password is incorrect' });
    }
    expect((await api('/user/profile', { headers: bearer(user.token) })).body.data.email).toBe(user.email);
    expect((await api('/auth/login', { body: { email: user.email, password: user.password } })).status).toBe(200);
  });

  it('counts wrong current passwords against the login limit, so a stolen token gets 5 guesses even in parallel', async () => {
    const user = await registerUser();
    const change = (currentPassword: string) =>
      api('/user/profile', { method: 'PUT', body: { password: 'BrandNewPass456', currentPassword }, headers: bearer(user.token) });

    const guesses = await Promise.all(Array.from({ length: 30 }, (_, attempt) => change(`wrong-password-${attempt}`)));
    const right = await change(user.password);

    const statuses = guesses.map((response) => response.status);
    expect(statuses.filter((status) => status === 403)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(25);
    expect(right.status).toBe(429);
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(800);
    expect((await api('/auth/login', { body: { email: user.email, password: user.password } })).status).toBe(429);
    expect((await api('/auth/me', { headers: bearer(user.token) })).status).toBe(200);
  });
});

describe('GET /user/accounts', () => {
  it('is empty for a user without sessions', async () => {
    const user = await registerUser();

    const response = await api('/user/accounts', { headers: bearer(user.token) });

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ success: true, data: [] });
  });
});

describe('GET /user/admin/users', () => {
  it('is for admins only', async () => {
    const user = await registerUser();

    const response = await api('/user/admin/users', { headers: bearer(user.token) });

    expect(response.status).toBe(403);
    expect(response.body).toEqual({ success: false, error: 'This route needs the admin role' });
    expect((await api('/user/admin/users')).status).toBe(401);
  });

  it('pages through every user in id order, without hashes or keys', async () => {
    const admin = await createAdmin();
    const created = [await registerUser(), await registerUser(), await registerUser()];

    const seen: { id: number; email: string }[] = [];
    let cursor: string | undefined;
    do {
      const query = new URLSearchParams({ limit: '2', ...(cursor ? { cursor } : {}) });
      const page = await api(`/user/admin/users?${query.toString()}`, { headers: bearer(admin.token) });
      expect(page.status).toBe(200);
      expect(page.body.data.length).toBeLessThanOrEqual(2);
      for (const listed of page.body.data) {
        expect(Object.keys(listed).sort()).toEqual(['createdAt', 'email', 'id', 'role', 'updatedAt']);
      }
      seen.push(...page.body.data);
      cursor = page.body.nextCursor;
    } while (cursor);

    const ids = seen.map((listed) => listed.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(ids.length);
    for (const user of [admin, ...created]) expect(seen.find((listed) => listed.id === user.id)?.email).toBe(user.email);
  });

  it('refuses a bad limit or cursor with 400', async () => {
    const admin = await createAdmin();

    expect((await api('/user/admin/users?limit=0', { headers: bearer(admin.token) })).status).toBe(400);
    expect((await api('/user/admin/users?limit=1000', { headers: bearer(admin.token) })).status).toBe(400);
    expect((await api('/user/admin/users?cursor=not-a-cursor', { headers: bearer(admin.token) })).body).toEqual({
      success: false,
      error: 'Invalid cursor',
    });
  });
});

describe('the table', () => {
  it('holds no plaintext API key and no password', async () => {
    const users = [await registerUser(), await registerUser()];
    const rotated = await api('/auth/regenerate-api-key', { method: 'POST', headers: bearer(users[0]!.token) });

    const items: unknown[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await dynamoClient().send(new ScanCommand({ TableName: tableName(), ExclusiveStartKey: start }));
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    const dump = JSON.stringify(items);

    expect(items.length).toBeGreaterThan(4);
    for (const secret of [...users.flatMap((user) => [user.apiKey, user.password, user.refreshToken]), rotated.body.data.apiKey]) {
      expect(dump).not.toContain(secret);
    }
    expect(dump).not.toMatch(/whk_[A-Za-z0-9_-]{43}/);
  });
});
