/**
 * Who is signed in, held in this module only: tokens are never written to storage or cookies, so
 * nothing a script injected later could read survives, and a reload signs out.
 */

export interface Account {
  readonly id: number;
  readonly email: string;
  readonly role: 'user' | 'admin';
  readonly apiKey: string;
}

export interface Credentials {
  readonly token: string;
  readonly refreshToken: string;
  readonly account: Account;
}

export interface AuthState {
  readonly credentials: Credentials | undefined;
  /** Why the last sign-out happened, when it was not asked for. */
  readonly notice: string | undefined;
}

let state: AuthState = { credentials: undefined, notice: undefined };
const listeners = new Set<() => void>();

export function authState(): AuthState {
  return state;
}

export function subscribeAuth(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function update(next: AuthState): void {
  state = next;
  for (const listener of listeners) listener();
}

export function signedIn(credentials: Credentials): void {
  update({ credentials, notice: undefined });
}

export function tokensRenewed(token: string, refreshToken: string, account?: Account): void {
  const current = state.credentials;
  if (current) update({ credentials: { token, refreshToken, account: account ?? current.account }, notice: undefined });
}

export function accountChanged(account: Account): void {
  const current = state.credentials;
  if (current) update({ credentials: { ...current, account }, notice: undefined });
}

export function signedOut(notice?: string): void {
  update({ credentials: undefined, notice });
}

/** When a JWT expires, in epoch milliseconds, read from its payload (undefined if it says nothing). */
export function expiresAt(token: string): number | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: unknown };
    return typeof claims.exp === 'number' ? claims.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}
