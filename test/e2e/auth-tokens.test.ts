import { SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { handler as apiKeyAuthorizer } from '../../lambdas/auth/api-key-authorizer.ts';
import { lambdaContext } from '../../infra/local/lambda-events.ts';
import { jwtAudience, jwtIssuer } from '../../shared/auth/tokens.ts';
import { gatewayMessages } from '../../shared/http/responses.ts';
import { api } from '../support/http.ts';
import { bearer, registerUser, stackSigningKey } from '../support/users.ts';

const unauthorized = { success: false, error: gatewayMessages.unauthorized };

function forge(
  claims: { sub: string; role?: string; tv?: number },
  options: { alg?: string; key?: Uint8Array; issuer?: string; audience?: string; expires?: string | number } = {},
) {
  return new SignJWT({ role: claims.role ?? 'user', tv: claims.tv ?? 0 })
    .setProtectedHeader({ alg: options.alg ?? 'HS256' })
    .setSubject(claims.sub)
    .setIssuer(options.issuer ?? jwtIssuer)
    .setAudience(options.audience ?? jwtAudience)
    .setIssuedAt()
    .setExpirationTime(options.expires ?? '10m')
    .sign(options.key ?? stackSigningKey());
}

/** Runs the API-key authorizer exactly as API Gateway would before a session, message or profile call. */
async function apiKeyAccepted(apiKey: string): Promise<boolean> {
  const event = {
    type: 'REQUEST',
    methodArn: 'arn:aws:execute-api:local:000000000000:local/local/GET/session/list',
    headers: { 'x-api-key': apiKey },
  };
  try {
    await apiKeyAuthorizer(event as never, lambdaContext('auth/api-key-authorizer'));
    return true;
  } catch (error) {
    if ((error as Error).message === 'Unauthorized') return false;
    throw error;
  }
}

describe('GET /auth/me and bearer tokens', () => {
  it('refuses a missing or malformed Authorization header', async () => {
    expect((await api('/auth/me')).body).toEqual(unauthorized);
    expect((await api('/auth/me', { headers: { Authorization: 'Basic dXNlcjpwYXNz' } })).status).toBe(401);
    expect((await api('/auth/me', { headers: { Authorization: 'Bearer' } })).status).toBe(401);
  });

  it('accepts a token signed with the service key and refuses forged, none, expired and wrong-audience ones', async () => {
    const user = await registerUser();
    const sub = String(user.id);

    const good = await forge({ sub });
    const otherKey = await forge({ sub }, { key: new Uint8Array(32).fill(7) });
    const hs512 = await forge({ sub }, { alg: 'HS512', key: new Uint8Array(64).fill(1) });
    const none = new UnsecuredJWT({ role: 'admin', tv: 0 })
      .setSubject(sub)
      .setIssuer(jwtIssuer)
      .setAudience(jwtAudience)
      .setIssuedAt()
      .setExpirationTime('10m')
      .encode();
    const expired = await forge({ sub }, { expires: Math.floor(Date.now() / 1000) - 60 });
    const wrongAudience = await forge({ sub }, { audience: 'another-api' });
    const wrongIssuer = await forge({ sub }, { issuer: 'someone-else' });
    const tampered = `${user.token.split('.')[0]}.${Buffer.from(JSON.stringify({ sub, role: 'admin', tv: 0 })).toString('base64url')}.${user.token.split('.')[2]}`;

    expect((await api('/auth/me', { headers: bearer(good) })).status).toBe(200);
    for (const token of [otherKey, hs512, none, expired, wrongAudience, wrongIssuer, tampered]) {
      const response = await api('/auth/me', { headers: bearer(token) });
      expect(response.status, token).toBe(401);
      expect(response.body).toEqual(unauthorized);
    }
  });

  it('takes neither an API key as a bearer token nor a token as an API key', async () => {
    const user = await registerUser();

    expect((await api('/auth/me', { headers: bearer(user.apiKey) })).status).toBe(401);
    expect((await api('/auth/me', { headers: { 'x-api-key': user.apiKey } })).status).toBe(401);
    expect(await apiKeyAccepted(user.token)).toBe(false);
    expect(await apiKeyAccepted(user.apiKey)).toBe(true);
  });

  it('refuses a validly signed token for a user that does not exist', async () => {
    const response = await api('/auth/me', { headers: bearer(await forge({ sub: '999999999' })) });

    expect(response.status).toBe(401);
  });
});

describe('POST /auth/refresh', () => {
  it('rotates: each refresh token works once and yields a working access token', async () => {
    const user = await registerUser();

    const first = await api('/auth/refresh', { body: { refreshToken: user.refreshToken } });
    const second = await api('/auth/refresh', { body: { refreshToken: first.body.data.refreshToken } });

    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.body.data.refreshToken).not.toBe(first.body.data.refreshToken);
    expect((await api('/auth/me', { headers: bearer(second.body.data.token) })).body.data.id).toBe(user.id);
  });

  it('revokes the whole family when a spent token is presented again', async () => {
    const user = await registerUser();
    const rotated = await api('/auth/refresh', { body: { refreshToken: user.refreshToken } });

    const replay = await api('/auth/refresh', { body: { refreshToken: user.refreshToken } });
    const successor = await api('/auth/refresh', { body: { refreshToken: rotated.body.data.refreshToken } });

    expect(replay.status).toBe(401);
    expect(replay.body.error).toMatch(/reuse detected/);
    expect(successor.status).toBe(401);
  });

  it('refuses unknown tokens and a missing field', async () => {
    expect((await api('/auth/refresh', { body: { refreshToken: 'whr_nope' } })).status).toBe(401);
    expect((await api('/auth/refresh', { body: { refreshToken: 'eyJhbGciOiJIUzI1NiJ9.e30.x' } })).status).toBe(401);
    expect((await api('/auth/refresh', { body: {} })).status).toBe(400);
  });
});

describe('POST /auth/regenerate-api-key', () => {
  it('issues a new key and kills the old one at once', async () => {
    const user = await registerUser();

    const response = await api('/auth/regenerate-api-key', { method: 'POST', headers: bearer(user.token) });

    expect(response.status).toBe(200);
    const { apiKey } = response.body.data;
    expect(apiKey).toMatch(/^whk_/);
    expect(apiKey).not.toBe(user.apiKey);
    expect(await apiKeyAccepted(user.apiKey)).toBe(false);
    expect(await apiKeyAccepted(apiKey)).toBe(true);
    expect((await api('/auth/me', { headers: bearer(user.token) })).body.data.apiKey).toBe(apiKey);
  });

  it('needs a bearer token', async () => {
    const user = await registerUser();

    expect((await api('/auth/regenerate-api-key', { method: 'POST', headers: { 'x-api-key': user.apiKey } })).status).toBe(401);
  });
});
