import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authState, signedIn, signedOut } from '../src/api/auth-store.ts';
import { api, cancelRenewal, scheduleRenewal, sessionEndedNotice } from '../src/api/client.ts';
import { account, fakeNetwork, token } from './fetch-fake.ts';

const later = Math.floor(Date.now() / 1000) + 3_600;

describe('the API client', () => {
  beforeEach(() => signedIn({ token: token(later, 'first'), refreshToken: 'refresh-one', account }));
  afterEach(() => {
    cancelRenewal();
    signedOut();
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('sends the bearer token and the API key with every call', async () => {
    const { requests } = fakeNetwork({ 'GET /session/list': [{ status: 200, body: { data: [] } }] });
    await api.GET('/session/list');
    expect(requests[0]!.headers.get('Authorization')).toBe(`Bearer ${token(later, 'first')}`);
    expect(requests[0]!.headers.get('x-api-key')).toBe('key-one');
  });

  it('renews the tokens once on a 401, re-reads the API key, and retries the call with them', async () => {
    const renewed = token(later, 'second');
    const { requests } = fakeNetwork({
      'POST /session/start': [
        { status: 401, body: { success: false, error: 'Token expired' } },
        { status: 200, body: { qr: 'qr-text' } },
      ],
      'POST /auth/refresh': [{ status: 200, body: { success: true, data: { token: renewed, refreshToken: 'refresh-two' } } }],
      'GET /auth/me': [
        { status: 200, body: { success: true, data: { ...account, apiKey: 'key-two', createdAt: '2026-01-01T00:00:00Z' } } },
      ],
    });

    const result = await api.POST('/session/start', { body: { session: 'main', phoneNumber: '6287654321', method: 'qr' } });

    expect(result.data).toEqual({ qr: 'qr-text' });
    expect(await requests[1]!.json()).toEqual({ refreshToken: 'refresh-one' });
    const retry = requests[3]!;
    expect(retry.headers.get('Authorization')).toBe(`Bearer ${renewed}`);
    expect(retry.headers.get('x-api-key')).toBe('key-two');
    expect(await retry.json()).toEqual({ session: 'main', phoneNumber: '6287654321', method: 'qr' });
    expect(authState().credentials?.refreshToken).toBe('refresh-two');
  });

  it('signs out with a notice when the refresh token is refused', async () => {
    fakeNetwork({
      'GET /session/list': [{ status: 401, body: { success: false, error: 'Invalid API key' } }],
      'POST /auth/refresh': [{ status: 401, body: { success: false, error: 'Invalid or expired refresh token' } }],
    });
    const result = await api.GET('/session/list');
    expect(result.response.status).toBe(401);
    expect(authState()).toEqual({ credentials: undefined, notice: sessionEndedNotice });
  });

  it('signs out with a notice when the retried call is refused again', async () => {
    fakeNetwork({
      'GET /session/list': [
        { status: 401, body: { success: false, error: 'Invalid API key' } },
        { status: 401, body: { success: false, error: 'Invalid API key' } },
      ],
      'POST /auth/refresh': [{ status: 200, body: { success: true, data: { token: token(later), refreshToken: 'refresh-two' } } }],
      'GET /auth/me': [{ status: 500, body: { success: false, error: 'Internal server error' } }],
    });
    await api.GET('/session/list');
    expect(authState().notice).toBe(sessionEndedNotice);
  });

  it('renews the tokens a minute before the access token expires', async () => {
    vi.useFakeTimers();
    const now = Date.now();
    signedIn({ token: token(Math.floor(now / 1000) + 300), refreshToken: 'refresh-one', account });
    const { requests } = fakeNetwork({
      'POST /auth/refresh': [{ status: 200, body: { success: true, data: { token: token(later), refreshToken: 'refresh-two' } } }],
      'GET /auth/me': [{ status: 200, body: { success: true, data: { ...account, createdAt: '2026-01-01T00:00:00Z' } } }],
    });
    scheduleRenewal(now);

    await vi.advanceTimersByTimeAsync(230_000);
    expect(requests).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(requests.map((request) => new URL(request.url).pathname)).toEqual(['/auth/refresh', '/auth/me']);
    expect(authState().credentials?.refreshToken).toBe('refresh-two');
  });
});
