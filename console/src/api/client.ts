import createClient from 'openapi-fetch';
import { authState, expiresAt, signedOut, tokensRenewed, type Account } from './auth-store.ts';
import type { paths } from './schema.d.ts';

export const sessionEndedNotice = 'Your sign-in expired. Sign in again.';
/** Renew this long before the access token expires. */
const renewAheadMs = 60_000;

let renewal: Promise<boolean> | undefined;
let renewTimer: ReturnType<typeof setTimeout> | undefined;

/** The typed client of the API on this page's own origin. */
export const api = createClient<paths>({ baseUrl: '', fetch: (request) => authorizedFetch(request) });

/**
 * Sends a request with the signed-in account's bearer token and API key. A 401 renews the tokens
 * once and retries; if that fails too, the account is signed out with a notice.
 */
export async function authorizedFetch(request: Request): Promise<Response> {
  const credentials = authState().credentials;
  if (!credentials) return fetch(request);
  const retry = request.clone();
  const response = await fetch(withCredentials(request));
  if (response.status !== 401) return response;
  if (!(await renewTokens())) return response;
  const retried = await fetch(withCredentials(retry));
  if (retried.status === 401) signedOut(sessionEndedNotice);
  return retried;
}

function withCredentials(request: Request): Request {
  const credentials = authState().credentials;
  if (!credentials) return request;
  request.headers.set('Authorization', `Bearer ${credentials.token}`);
  request.headers.set('x-api-key', credentials.account.apiKey);
  return request;
}

/** Exchanges the refresh token (once at a time, however many callers ask) and re-reads the account; false means signed out. */
export function renewTokens(): Promise<boolean> {
  renewal ??= exchangeRefreshToken().finally(() => (renewal = undefined));
  return renewal;
}

async function exchangeRefreshToken(): Promise<boolean> {
  const credentials = authState().credentials;
  if (!credentials) return false;
  const refreshed = await fetch('/auth/refresh', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ refreshToken: credentials.refreshToken }),
  }).catch(() => undefined);
  if (!refreshed?.ok) {
    signedOut(sessionEndedNotice);
    return false;
  }
  const { data } = (await refreshed.json()) as { data: { token: string; refreshToken: string } };
  // The API key may have been regenerated elsewhere; /auth/me shows the current one.
  const me = await fetch('/auth/me', { headers: { Authorization: `Bearer ${data.token}` } }).catch(() => undefined);
  const account = me?.ok ? ((await me.json()) as { data: Account }).data : undefined;
  tokensRenewed(data.token, data.refreshToken, account);
  scheduleRenewal();
  return true;
}

/** Renews the tokens shortly before the access token expires, so a busy page never meets the 401. */
export function scheduleRenewal(now = Date.now()): void {
  clearTimeout(renewTimer);
  const token = authState().credentials?.token;
  const expiry = token ? expiresAt(token) : undefined;
  if (expiry === undefined) return;
  renewTimer = setTimeout(() => void renewTokens(), Math.max(0, expiry - renewAheadMs - now));
}

export function cancelRenewal(): void {
  clearTimeout(renewTimer);
}
