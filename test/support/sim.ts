import { expect, inject } from 'vitest';
import { api } from './http.ts';
import { pollUntil } from './poll.ts';
import { digits, uniquePhone } from './phones.ts';
import type { ContactMessage, Delivery, OutgoingMessage } from '../wa-sim/contact-actions.ts';
import type { MessageContent } from '../wa-sim/message-content.ts';

// Kept here for the tests that import them with the other simulator helpers.
export { digits, uniquePhone };

/** Calls the WhatsApp simulator's HTTP control API. */
export async function sim<T = any>(
  path: string,
  body?: unknown,
  method = body === undefined ? 'GET' : 'POST',
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${inject('simControlUrl')}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** Polls the session's status until `done` holds. */
export async function waitForStatus(
  apiKey: string,
  sessionId: string,
  done: (status: string, body: any) => boolean,
  options: { timeoutMs?: number; baseUrl?: string } = {},
): Promise<any> {
  const last = await pollUntil(
    () => api(`/session/status?session=${encodeURIComponent(sessionId)}`, { headers: { 'x-api-key': apiKey }, baseUrl: options.baseUrl }),
    (response) =>
      (response.status === 200 && done(response.body.data.status, response.body.data)) ||
      (response.status === 404 && done('missing', response.body)),
    {
      timeoutMs: options.timeoutMs,
      intervalMs: 150,
      failure: (response) => `session ${sessionId} did not reach the expected status; last: ${JSON.stringify(response?.body)}`,
    },
  );
  return last.status === 200 ? last.body.data : undefined;
}

/**
 * Starts a session over HTTP (named after its phone's digits unless `name` is given), scans its QR
 * with the simulated phone, and waits until it is connected. `sessionId` is the name the API knows;
 * `internalId` is what the service keys it by internally.
 */
export async function linkSession(
  apiKey: string,
  options: { phone?: string; name?: string; baseUrl?: string } = {},
): Promise<{ sessionId: string; phone: string; internalId: string }> {
  const phone = options.phone ?? uniquePhone();
  const sessionId = options.name ?? digits(phone);
  const start = async () => {
    const started = await api('/session/start', {
      body: { session: sessionId, phoneNumber: phone },
      headers: { 'x-api-key': apiKey },
      baseUrl: options.baseUrl,
    });
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    return started.body.qr as string | undefined;
  };
  const scan = async (qr: string | undefined) => (qr === undefined ? 200 : (await sim('/qr/scan', { qr, phone: digits(phone) })).status);
  // A scan fails when the client's socket closed as it was paired (seen on a loaded CI machine):
  // starting again shows a fresh QR, as it would to a user, and that one is scanned.
  if ((await scan(await start())) !== 200) expect(await scan(await start())).toBe(200);
  await waitForStatus(apiKey, sessionId, (status) => status === 'connected', { baseUrl: options.baseUrl });
  return { sessionId, phone, internalId: await internalSessionId(apiKey, sessionId) };
}

/** The internal id of the caller's session of this name (tests share the stack's table). */
export async function internalSessionId(apiKey: string, name: string): Promise<string> {
  const { authenticateApiKey } = await import('../../shared/auth/authenticate.ts');
  const { findSessionByName } = await import('../../shared/sessions/repository.ts');
  const session = await findSessionByName((await authenticateApiKey(apiKey)).userId, name);
  if (!session) throw new Error(`no session named ${name}`);
  return session.sessionId;
}

/** Objects stored in the auth-state bucket for a session (by its internal id). */
export async function storedAuthState(sessionId: string): Promise<string[]> {
  const { ListObjectsV2Command } = await import('@aws-sdk/client-s3');
  const { s3Client } = await import('../../shared/aws-clients.ts');
  const { authStateKeys } = await import('../../shared/auth-state.ts');
  const { config } = await import('../../shared/config.ts');
  const page = await s3Client().send(
    new ListObjectsV2Command({ Bucket: config().AUTH_BUCKET_NAME, Prefix: authStateKeys.prefix(sessionId) }),
  );
  return (page.Contents ?? []).map((object) => object.Key ?? '');
}

/** A simulated contact on WhatsApp, with a fresh number. */
export async function addContact(
  options: { onWhatsApp?: boolean; autoReceipts?: { delivery: boolean; read: boolean } } = {},
): Promise<string> {
  const phone = digits(uniquePhone());
  const added = await sim('/contacts', { phone, ...options });
  expect(added.status).toBe(201);
  return phone;
}

/** `content` as the simulator takes it: a text, or any shape test/wa-sim/README.md lists. */
const contentOf = (content: string | MessageContent): MessageContent =>
  typeof content === 'string' ? { type: 'text', text: content } : content;

/**
 * A contact sends `content` to the account's linked session (`options`: `id` to deliver a duplicate,
 * `pushName`, `addressing: 'lid'`, `group`, `quoted`); `queued` while no client holds the session.
 */
export async function sendFromContact(
  contact: string,
  account: string,
  content: string | MessageContent,
  options: Omit<ContactMessage, 'to' | 'content'> = {},
): Promise<Delivery> {
  const sent = await sim<Delivery>(`/contacts/${digits(contact)}/messages`, {
    to: digits(account),
    content: contentOf(content),
    ...options,
  });
  expect(sent.status, JSON.stringify(sent.body)).toBe(201);
  return sent.body;
}

/** The account's own phone sends `content` to a contact; the linked session receives it as its own (`fromMe`). */
export async function sendFromPhone(
  account: string,
  contact: string,
  content: string | MessageContent,
  options: Omit<OutgoingMessage, 'to' | 'content'> = {},
): Promise<Delivery> {
  const sent = await sim<Delivery>(`/accounts/${digits(account)}/phone-messages`, {
    to: digits(contact),
    content: contentOf(content),
    ...options,
  });
  expect(sent.status, JSON.stringify(sent.body)).toBe(201);
  return sent.body;
}

export interface Received {
  id: string;
  from: string;
  to: string;
  receivedAt: string;
  message: any;
  mediaBase64?: string;
}

/** Waits until the contact has decrypted `count` messages, and answers them. */
export async function waitForReceived(contact: string, count: number, timeoutMs = 20_000): Promise<Received[]> {
  return pollUntil(
    async () => (await sim<Received[]>(`/contacts/${contact}/messages`)).body,
    (received) => received.length >= count,
    { timeoutMs, failure: (received) => `contact ${contact} received ${received?.length ?? 0} of ${count} messages` },
  );
}

/** The text of a received message, however Baileys encoded it. */
export const textOf = (received: Received): string | undefined =>
  received.message.conversation ?? received.message.extendedTextMessage?.text;
