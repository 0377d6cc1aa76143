import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../infra/local/ports.ts';
import { api } from '../support/http.ts';
import { digits, uniquePhone } from '../support/sim.ts';
import { startIsolatedStack, type IsolatedStack } from '../support/isolated-stack.ts';

describe('a connector that cannot reach WhatsApp', () => {
  let stack: IsolatedStack;
  beforeAll(async () => {
    stack = await startIsolatedStack({ shardCount: 1 });
    await stack.startConnector({ WA_WEBSOCKET_URL: `ws://127.0.0.1:${await freePort()}` });
  });
  afterAll(() => stack?.stop());

  it('fails the start at once with the reason, instead of a timeout', async () => {
    const registered = await api('/auth/register', {
      body: { email: `offline-${Date.now()}@example.com`, password: 'SecurePass123' },
      baseUrl: stack.apiUrl,
    });
    const headers = { 'x-api-key': registered.body.data.user.apiKey };
    const phone = uniquePhone();

    const started = await api('/session/start', { body: { session: digits(phone), phoneNumber: phone }, headers, baseUrl: stack.apiUrl });

    expect(started.status).toBe(502);
    expect(started.body.error).toMatch(/^Could not start the session: Could not reach WhatsApp: /);
    const status = await api(`/session/status?session=${digits(phone)}`, { headers, baseUrl: stack.apiUrl });
    expect(status.body.data).toMatchObject({ status: 'failed', isConnected: false });
    expect(status.body.data.lastError).toMatch(/Could not reach WhatsApp/);
  });
});
