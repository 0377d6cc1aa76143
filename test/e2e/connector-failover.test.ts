import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectorProcess } from '../../infra/local/connector-process.ts';
import { startIsolatedStack, type IsolatedStack } from '../support/isolated-stack.ts';
import { api } from '../support/http.ts';
import { linkSession, sim, waitForStatus } from '../support/sim.ts';
import { registerUser, type TestUser } from '../support/users.ts';

/** Connectors of their own (own table and queues), so stopping and killing them disturbs no other test. */
describe('connector processes', () => {
  let stack: IsolatedStack;
  let user: TestUser;

  beforeAll(async () => {
    stack = await startIsolatedStack({ shardCount: 4 });
    user = await registerUser();
  });

  afterAll(() => stack?.stop());

  const baseUrl = () => stack.apiUrl;
  const statuses = async () =>
    (await api('/session/list', { headers: { 'x-api-key': user.apiKey }, baseUrl: baseUrl() })).body.data.map(
      (session: { status: string }) => session.status,
    );

  it('resume linked sessions from the stored auth state after a restart, with no new QR', async () => {
    const first = await stack.startConnector();
    // Prepare: the user lives in the shared table; this stack's API reads its own, so register here too.
    const registered = await api('/auth/register', { body: { email: `iso-${user.email}`, password: user.password }, baseUrl: baseUrl() });
    user = { ...user, apiKey: registered.body.data.user.apiKey };
    const { sessionId } = await linkSession(user.apiKey, { baseUrl: baseUrl() });
    const deviceBefore = ((await sim('/accounts')).body as { phone: string; deviceId: number }[]).find(
      (account) => account.phone === sessionId,
    )?.deviceId;

    await first.stop();
    await stack.startConnector();

    await waitForStatus(user.apiKey, sessionId, (status) => status === 'connected', { baseUrl: baseUrl() });
    const accounts = (await sim('/accounts')).body as { phone: string; deviceId: number; online: boolean }[];
    expect(accounts.find((account) => account.phone === sessionId)).toMatchObject({ deviceId: deviceBefore, online: true });
    const image = await api(`/session/qr-image?session=${sessionId}`, { headers: { 'x-api-key': user.apiKey }, baseUrl: baseUrl() });
    expect(image.body).toEqual({ success: false, error: 'Session already connected' });
  });

  it('hand a killed peer’s shards and sessions to the survivor', async () => {
    await stack.startConnector();
    const running = stack.connectors.slice(-2);
    const health = async (connector: ConnectorProcess) =>
      (await (await fetch(connector.healthUrl)).json()) as { shards: number[]; sessions: { connected: number } };
    // Link only once the two connectors have split the shards.
    const splitBy = Date.now() + 20_000;
    while ((await Promise.all(running.map(health))).some((report) => report.shards.length !== 2) && Date.now() < splitBy) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const linked = [];
    for (let index = 0; index < 19; index++) linked.push((await linkSession(user.apiKey, { baseUrl: baseUrl() })).sessionId);
    const ours = new Set([
      ...(await api('/session/list', { headers: { 'x-api-key': user.apiKey }, baseUrl: baseUrl() })).body.data.map(
        (session: { sessionId: string }) => session.sessionId,
      ),
    ]);
    expect(ours.size).toBe(20);
    const online = async () =>
      ((await sim('/accounts')).body as { phone: string; online: boolean }[]).filter((account) => ours.has(account.phone) && account.online)
        .length;
    expect(await online()).toBe(20);
    const reports = await Promise.all(running.map(health));
    const victim = reports[0]!.sessions.connected >= reports[1]!.sessions.connected ? running[0]! : running[1]!;

    const killedAt = Date.now();
    await victim.kill();

    // The simulator sees the killed process's sockets close a moment later; nothing takes them over within the 3 s lease TTL.
    let droppedTo = await online();
    for (const dropBy = Date.now() + 2_000; droppedTo === 20 && Date.now() < dropBy; droppedTo = await online()) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const deadline = Date.now() + 60_000;
    let recovered = false;
    while (Date.now() < deadline && !recovered) {
      const now = await statuses();
      recovered = now.every((status: string) => status === 'connected') && (await online()) === 20;
      if (!recovered) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const takeoverMs = Date.now() - killedAt;
    console.log(
      `failover: 20 sessions on 2 connectors; SIGKILL of one dropped ${20 - droppedTo}; all 20 connected on the survivor after ${takeoverMs} ms (lease TTL 3 s)`,
    );

    expect(droppedTo).toBeLessThan(20);
    expect(recovered).toBe(true);
  }, 120_000);
});
