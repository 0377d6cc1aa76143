import { vi } from 'vitest';

export type Answer = { status: number; body?: unknown; headers?: Record<string, string> };

/**
 * A fake network: answers each request with the next answer queued for its method and path, and
 * records what was asked. The only fake the console's tests use.
 */
export function fakeNetwork(answers: Record<string, Answer[]>) {
  const requests: Request[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input instanceof Request ? input : new URL(String(input), location.href), init);
    requests.push(request.clone());
    const url = new URL(request.url);
    const key = `${request.method} ${url.origin === location.origin ? url.pathname : url.origin + url.pathname}`;
    const answer = answers[key]?.shift();
    if (!answer) throw new Error(`Nothing queued for ${key}`);
    const body = answer.body === undefined ? null : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
    return new Response(body, { status: answer.status, headers: { 'Content-Type': 'application/json', ...answer.headers } });
  });
  vi.stubGlobal('fetch', fetch);
  return { requests, fetch };
}

/** A JWT-shaped token that expires at `exp` (epoch seconds); its signature is not checked by the console. */
export function token(exp: number, id = 'a'): string {
  const part = (value: object) => btoa(JSON.stringify(value)).replace(/=+$/, '');
  return `${part({ alg: 'HS256' })}.${part({ sub: id, exp })}.signature`;
}

export const account = { id: 1, email: 'ana@example.com', role: 'user' as const, apiKey: 'key-one' };
