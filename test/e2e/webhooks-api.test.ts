import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { unseal } from '../../shared/auth/sealed.ts';
import { secrets } from '../../shared/auth/secrets.ts';
import { dynamoClient } from '../../shared/aws-clients.ts';
import { config } from '../../shared/config.ts';
import { tableName } from '../../shared/db.ts';
import { keys } from '../../shared/keys.ts';
import { webhookUrlRefusals } from '../../shared/net/webhook-url.ts';
import { disabledByOwnerReason, maxWebhooksPerTenant } from '../../shared/schemas/webhooks.ts';
import { getWebhook } from '../../shared/webhooks/endpoints.ts';
import { subscribableEventTypes } from '../../shared/webhooks/model.ts';
import { signingSecrets } from '../../shared/webhooks/secrets.ts';
import { api } from '../support/http.ts';
import { digits, linkSession, uniquePhone } from '../support/sim.ts';
import { registerUser, type TestUser } from '../support/users.ts';

const key = (apiKey: string) => ({ 'x-api-key': apiKey });
const secretPattern = /^whsec_[A-Za-z0-9+/]{43}=$/;
const unknownId = 'wh_01K8NB2C3D4E5F6G7H8J9K0M1N';
/** The endpoint as GET shows it: as created, but for the secret. */
const withoutSecret = (endpoint: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(endpoint).filter(([name]) => name !== 'secret'));

describe('the webhook endpoint API', () => {
  let owner: TestUser;
  let other: TestUser;
  let session: string;
  // Named here, so that test tables can use it; started in beforeAll.
  const otherSession = `other-${digits(uniquePhone())}`;
  let receiver: Server;
  let receiverUrl: string;

  const create = (user: TestUser, body: unknown) => api('/webhooks', { body, headers: key(user.apiKey) });
  const get = (user: TestUser, id: string) => api(`/webhooks/${id}`, { headers: key(user.apiKey) });
  const list = (user: TestUser) => api('/webhooks', { headers: key(user.apiKey) });
  const patch = (user: TestUser, id: string, body?: unknown) =>
    api(`/webhooks/${id}`, { method: 'PATCH', ...(body === undefined ? {} : { body }), headers: key(user.apiKey) });
  const remove = (user: TestUser, id: string) => api(`/webhooks/${id}`, { method: 'DELETE', headers: key(user.apiKey) });
  const rotate = (user: TestUser, id: string) => api(`/webhooks/${id}/rotate-secret`, { method: 'POST', headers: key(user.apiKey) });

  /** Creates an endpoint that must be accepted, and answers it. */
  const created = async (user: TestUser, body: Record<string, unknown> = {}) => {
    const answer = await create(user, { url: receiverUrl, ...body });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return answer.body.data;
  };

  beforeAll(async () => {
    // Events of the tests' sessions may be delivered to these endpoints: a receiver that takes them keeps retries away.
    receiver = createServer((request, response) => request.resume().on('end', () => response.writeHead(204).end()));
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
    [owner, other] = [await registerUser('webhooks'), await registerUser('webhooks-other')];
    ({ sessionId: session } = await linkSession(owner.apiKey));
    const started = await api('/session/start', {
      body: { session: otherSession, phoneNumber: uniquePhone() },
      headers: key(other.apiKey),
    });
    expect(started.status, JSON.stringify(started.body)).toBe(200);
  });

  afterAll(async () => {
    await new Promise((resolve) => receiver.close(resolve));
  });

  describe('POST /webhooks', () => {
    it('creates an enabled endpoint for every event type, with a whsec_ secret of 32 random bytes', async () => {
      const tenant = await registerUser('webhooks');
      const answer = await create(tenant, { url: receiverUrl });

      expect(answer.status).toBe(201);
      expect(answer.body).toEqual({
        success: true,
        data: {
          id: expect.stringMatching(/^wh_[0-9A-HJKMNP-TV-Z]{26}$/),
          url: receiverUrl,
          events: [...subscribableEventTypes],
          session: null,
          description: null,
          enabled: true,
          disabledReason: null,
          secret: expect.stringMatching(secretPattern),
          createdAt: expect.any(String),
          updatedAt: expect.any(String),
        },
      });
      expect(Buffer.from(answer.body.data.secret.slice('whsec_'.length), 'base64')).toHaveLength(32);
      expect(Date.now() - Date.parse(answer.body.data.createdAt)).toBeLessThan(60_000);
    });

    it('keeps the event types, session and description it is given', async () => {
      const answer = await create(owner, { url: receiverUrl, events: ['message.status'], session, description: '  Order updates ' });

      expect(answer.status, JSON.stringify(answer.body)).toBe(201);
      expect(answer.body.data).toMatchObject({ events: ['message.status'], session, description: 'Order updates' });
    });

    it('gives every endpoint its own secret', async () => {
      const tenant = await registerUser('webhooks');
      const [first, second] = [await created(tenant), await created(tenant)];

      expect(first.secret).not.toBe(second.secret);
    });

    it.each([
      ['http on loopback', (port: string) => `http://127.0.0.1:${port}/hooks`],
      ['localhost', (port: string) => `http://localhost:${port}/`],
      ['IPv6 loopback', (port: string) => `http://[::1]:${port}/`],
      ['a private address', () => 'http://10.0.0.7/hooks'],
    ])('accepts %s on the local stack, which runs with WEBHOOK_ALLOW_PRIVATE_URLS', async (_, url) => {
      const tenant = await registerUser('webhooks');
      const port = new URL(receiverUrl).port;

      const answer = await create(tenant, { url: url(port) });

      expect(config().WEBHOOK_ALLOW_PRIVATE_URLS).toBe(true);
      expect(answer.status, JSON.stringify(answer.body)).toBe(201);
      expect(answer.body.data.url).toBe(new URL(url(port)).href);
    });

    it.each([
      ['an ftp URL', { url: 'ftp://127.0.0.1/hooks' }, `url ${webhookUrlRefusals.notHttp.problem}`],
      ['the cloud metadata address', { url: 'http://169.254.169.254/latest/meta-data/' }, `url ${webhookUrlRefusals.linkLocal.problem}`],
      ['an IPv6 link-local address', { url: 'http://[fe80::1]/hooks' }, `url ${webhookUrlRefusals.linkLocal.problem}`],
      ['a metadata host name', { url: 'http://metadata.google.internal/' }, `url ${webhookUrlRefusals.linkLocal.problem}`],
      ['a relative URL', { url: '/hooks' }, `url ${webhookUrlRefusals.notAbsolute.problem}`],
      ['credentials in the URL', { url: 'http://user:secret@127.0.0.1/hooks' }, `url ${webhookUrlRefusals.credentials.problem}`],
    ])('refuses %s with a 400 saying what is wrong with the url', async (_, body, error) => {
      const answer = await create(other, body);

      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ success: false, error });
    });

    it.each([
      ['no url', { url: undefined }, 'url'],
      ['an unknown event type, naming it', { events: ['message.status', 'message.sent'] }, 'events.1: unknown event type "message.sent"'],
      ['the test event, which goes only to the endpoint tested', { events: ['webhook.test'] }, 'unknown event type "webhook.test"'],
      ['an empty event list', { events: [] }, 'events: must name at least one event type'],
      ['a repeated event type', { events: ['message.status', 'message.status'] }, 'events: must not name a type twice'],
      ['a description over 256 characters', { description: 'x'.repeat(257) }, 'description'],
      ['a session name that cannot be one', { session: 'no spaces allowed' }, 'session'],
    ])('refuses %s with a 400', async (_, fields, error) => {
      const answer = await create(other, { url: receiverUrl, ...fields });

      expect(answer.status, JSON.stringify(answer.body)).toBe(400);
      expect(answer.body.success).toBe(false);
      expect(answer.body.error).toContain(error);
    });

    it("refuses another tenant's session as one that does not exist", async () => {
      const answer = await create(owner, { url: receiverUrl, session: otherSession });

      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ success: false, error: 'Session does not exist' });
    });

    it('stores nothing for a refused request', async () => {
      expect((await list(other)).body).toEqual({ success: true, data: [] });
    });

    it(`allows ${maxWebhooksPerTenant} endpoints per tenant, and one more once one is deleted`, async () => {
      const tenant = await registerUser('webhooks-limit');
      const ids: string[] = [];
      for (let index = 0; index < maxWebhooksPerTenant; index++) ids.push((await created(tenant)).id);

      const refused = await create(tenant, { url: receiverUrl });
      await remove(tenant, ids[0]!);
      const again = await create(tenant, { url: receiverUrl });

      expect(refused.status).toBe(400);
      expect(refused.body.error).toContain(`${maxWebhooksPerTenant} webhooks`);
      expect(again.status).toBe(201);
      expect((await list(tenant)).body.data).toHaveLength(maxWebhooksPerTenant);
    });

    it('holds the limit under concurrent creates: of 10 at once with 5 places left, exactly 5 pass', async () => {
      const tenant = await registerUser('webhooks-race');
      await Promise.all(Array.from({ length: maxWebhooksPerTenant - 5 }, () => created(tenant)));

      const answers = await Promise.all(Array.from({ length: 10 }, () => create(tenant, { url: receiverUrl })));

      expect(answers.map((answer) => answer.status).sort()).toEqual([201, 201, 201, 201, 201, 400, 400, 400, 400, 400]);
      expect((await list(tenant)).body.data).toHaveLength(maxWebhooksPerTenant);
    });
  });

  describe('GET /webhooks and GET /webhooks/{id}', () => {
    it("lists the tenant's endpoints oldest first, and shows each, never with a secret", async () => {
      const tenant = await registerUser('webhooks-list');
      const made = [await created(tenant, { description: 'first' }), await created(tenant, { description: 'second' })];

      const listed = await list(tenant);
      const shown = await get(tenant, made[1].id);

      expect(listed.status).toBe(200);
      expect(listed.body).toEqual({ success: true, data: made.map(withoutSecret) });
      expect(shown.status).toBe(200);
      expect(shown.body).toEqual({ success: true, data: withoutSecret(made[1]) });
      expect(JSON.stringify([listed.body, shown.body])).not.toContain('whsec_');
    });

    it('answers 404 for an unknown id', async () => {
      const answer = await get(owner, unknownId);

      expect(answer.status).toBe(404);
      expect(answer.body).toEqual({ success: false, error: 'Webhook not found' });
    });
  });

  describe("another tenant's endpoint", () => {
    it.each([
      ['GET', (id: string) => get(other, id)],
      ['PATCH', (id: string) => patch(other, id, { enabled: false })],
      ['DELETE', (id: string) => remove(other, id)],
      ['POST rotate-secret', (id: string) => rotate(other, id)],
    ])('is not found by %s, and stays as it was', async (_, call) => {
      const tenant = await registerUser('webhooks');
      const endpoint = await created(tenant, { description: 'mine' });
      const before = await getWebhook(tenant.id, endpoint.id);

      const answer = await call(endpoint.id);

      expect(answer.status).toBe(404);
      expect(answer.body).toEqual({ success: false, error: 'Webhook not found' });
      expect(await getWebhook(tenant.id, endpoint.id)).toEqual(before);
      expect((await list(other)).body.data.map((listed: { id: string }) => listed.id)).not.toContain(endpoint.id);
    });
  });

  describe('PATCH /webhooks/{id}', () => {
    it.each([
      ['url', { url: 'http://127.0.0.1:9/elsewhere' }, { url: 'http://127.0.0.1:9/elsewhere' }],
      ['events', { events: ['session.status', 'message.received'] }, { events: ['session.status', 'message.received'] }],
      ['description', { description: 'changed' }, { description: 'changed' }],
      ['description, to null', { description: null }, { description: null }],
      ['session, to null', { session: null }, { session: null }],
    ])('changes %s and nothing else', async (_, change, expected) => {
      const endpoint = await created(owner, { session, description: 'before' });

      const answer = await patch(owner, endpoint.id, change);

      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      expect(answer.body).toEqual({ success: true, data: { ...withoutSecret(endpoint), ...expected, updatedAt: expect.any(String) } });
      expect((await get(owner, endpoint.id)).body.data).toEqual(answer.body.data);
      expect(answer.body.data.updatedAt >= endpoint.updatedAt).toBe(true);
    });

    it('limits an endpoint to a session of the tenant', async () => {
      const endpoint = await created(owner);

      const answer = await patch(owner, endpoint.id, { session });

      expect(answer.status).toBe(200);
      expect(answer.body.data.session).toBe(session);
    });

    it.each([
      ['an empty body', {}, 'Invalid body: give at least one of url, events, session, description, enabled'],
      ['no body', undefined, 'Request body is required'],
      ['only unknown fields', { secret: 'whsec_x' }, 'Invalid body: give at least one of'],
      ['a metadata url', { url: 'http://169.254.169.254/' }, `url ${webhookUrlRefusals.linkLocal.problem}`],
      ['an unknown event type', { events: ['message.sent'] }, 'unknown event type "message.sent"'],
      ["another tenant's session", { session: otherSession }, 'Session does not exist'],
    ])('refuses %s with a 400 and changes nothing', async (_, change, error) => {
      const tenant = await registerUser('webhooks');
      const endpoint = await created(tenant);
      const before = await getWebhook(tenant.id, endpoint.id);

      const answer = await patch(tenant, endpoint.id, change ?? undefined);

      expect(answer.status, JSON.stringify(answer.body)).toBe(400);
      expect(answer.body.error).toContain(error);
      expect(await getWebhook(tenant.id, endpoint.id)).toEqual(before);
    });

    it('disables an endpoint as its owner, and enables it again forgetting why it was disabled and its failures', async () => {
      const tenant = await registerUser('webhooks');
      const endpoint = await created(tenant);

      const disabled = await patch(tenant, endpoint.id, { enabled: false });
      // As the delivery code leaves an endpoint that answered 410 after failing a while.
      await dynamoClient().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: keys.webhook(tenant.id, endpoint.id),
          UpdateExpression: 'SET disabledReason = :reason, failingSince = :since',
          ExpressionAttributeValues: { ':reason': 'the endpoint answered 410 Gone', ':since': new Date().toISOString() },
        }),
      );
      const enabled = await patch(tenant, endpoint.id, { enabled: true });

      expect(disabled.body.data).toMatchObject({ enabled: false, disabledReason: disabledByOwnerReason });
      expect(enabled.body.data).toMatchObject({ enabled: true, disabledReason: null });
      const stored = await getWebhook(tenant.id, endpoint.id);
      expect(stored).toMatchObject({ enabled: true });
      expect(stored?.disabledReason).toBeUndefined();
      expect(stored?.failingSince).toBeUndefined();
    });
  });

  describe('DELETE /webhooks/{id}', () => {
    it('deletes the endpoint; nothing brings it back, a PATCH included', async () => {
      const tenant = await registerUser('webhooks');
      const endpoint = await created(tenant);

      const answer = await remove(tenant, endpoint.id);
      const again = await remove(tenant, endpoint.id);
      const patched = await patch(tenant, endpoint.id, { description: 'back?' });
      const rotated = await rotate(tenant, endpoint.id);

      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ success: true, message: 'Webhook deleted' });
      expect([again.status, patched.status, rotated.status, (await get(tenant, endpoint.id)).status]).toEqual([404, 404, 404, 404]);
      expect(await getWebhook(tenant.id, endpoint.id)).toBeUndefined();
      expect((await list(tenant)).body.data).toEqual([]);
    });
  });

  describe('POST /webhooks/{id}/rotate-secret', () => {
    it('signs with the new secret from now, and with the previous one until it expires; an older one is dropped', async () => {
      const tenant = await registerUser('webhooks');
      const endpoint = await created(tenant);
      const overlapSeconds = config().WEBHOOK_SECRET_OVERLAP_SECONDS;

      const first = await rotate(tenant, endpoint.id);
      const afterFirst = await getWebhook(tenant.id, endpoint.id);
      const second = await rotate(tenant, endpoint.id);
      const afterSecond = await getWebhook(tenant.id, endpoint.id);

      expect(first.status).toBe(200);
      expect(first.body).toEqual({
        success: true,
        data: { id: endpoint.id, secret: expect.stringMatching(secretPattern), previousSecretExpiresAt: expect.any(String) },
      });
      const expiresAt = Date.parse(first.body.data.previousSecretExpiresAt);
      expect(Math.abs(expiresAt - (Date.now() + overlapSeconds * 1_000))).toBeLessThan(60_000);
      const serviceSecrets = await secrets();
      expect(afterFirst?.secrets.map((stored) => unseal(stored.sealed, serviceSecrets))).toEqual([first.body.data.secret, endpoint.secret]);
      expect(afterFirst?.secrets.map((stored) => stored.expiresAt)).toEqual([undefined, expiresAt / 1_000]);
      expect(await signingSecrets(afterFirst!.secrets)).toEqual([first.body.data.secret, endpoint.secret]);
      expect(await signingSecrets(afterFirst!.secrets, new Date(expiresAt + 1_000))).toEqual([first.body.data.secret]);
      expect(afterSecond?.secrets.map((stored) => unseal(stored.sealed, serviceSecrets))).toEqual([
        second.body.data.secret,
        first.body.data.secret,
      ]);
    });

    it('keeps no secret in plain text in the table', async () => {
      const tenant = await registerUser('webhooks');
      const endpoint = await created(tenant);
      await rotate(tenant, endpoint.id);

      const { Item } = await dynamoClient().send(
        new GetCommand({ TableName: tableName(), Key: keys.webhook(tenant.id, endpoint.id), ConsistentRead: true }),
      );

      expect(Item?.secrets).toHaveLength(2);
      expect(JSON.stringify(Item)).not.toContain('whsec_');
      expect(JSON.stringify(Item)).not.toContain(endpoint.secret.slice('whsec_'.length));
    });
  });

  it('lets browsers PATCH and DELETE an endpoint cross-origin: the preflight lists the methods', async () => {
    const response = await fetch(`${inject('apiUrl')}/webhooks/${unknownId}`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://console.example.com', 'Access-Control-Request-Method': 'PATCH' },
    });

    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-methods')?.split(',')).toEqual(expect.arrayContaining(['GET', 'PATCH', 'DELETE']));
  });
});
