import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { dynamoClient } from '../../shared/aws-clients.ts';
import { tableName } from '../../shared/db.ts';
import { newMessageId, waMessageIdOf } from '../../shared/ids.ts';
import { keys } from '../../shared/keys.ts';
import { api } from '../support/http.ts';
import { pollUntil } from '../support/poll.ts';
import { addContact, digits, internalSessionId, linkSession, sim, uniquePhone, waitForReceived } from '../support/sim.ts';
import { registerUser, type TestUser } from '../support/users.ts';

const key = (apiKey: string) => ({ 'x-api-key': apiKey });

const sendText = async (apiKey: string, session: string, to: string, text: string): Promise<string> => {
  const answer = await api('/message/send-text', { body: { session, to, text }, headers: key(apiKey) });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.messageId;
};

const messageStatus = (apiKey: string, session: string, messageId: string) =>
  api(`/message/status?${new URLSearchParams({ session, messageId }).toString()}`, { headers: key(apiKey) });

const listPage = (apiKey: string, query: Record<string, string>) =>
  api(`/message/list?${new URLSearchParams(query).toString()}`, { headers: key(apiKey) });

/** The message's story once its status is `wanted`. */
const waitForStatus = async (apiKey: string, session: string, messageId: string, wanted: string) =>
  (
    await pollUntil(
      () => messageStatus(apiKey, session, messageId),
      (answer) => answer.body.data?.status === wanted,
      { timeoutMs: 15_000, failure: (answer) => `message ${messageId} did not reach ${wanted}; last: ${JSON.stringify(answer?.body)}` },
    )
  ).body.data;

/** Every page of the listing, following `nextCursor` until it is null. */
async function allPages(apiKey: string, query: Record<string, string>) {
  const pages: { data: { messageId: string }[]; nextCursor: string | null }[] = [];
  let cursor: string | null = null;
  do {
    const page = await listPage(apiKey, { ...query, ...(cursor === null ? {} : { cursor }) });
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    pages.push(page.body);
    cursor = page.body.nextCursor;
  } while (cursor !== null && pages.length < 20);
  return pages;
}

describe("a message's whole story", () => {
  let user: TestUser;
  let session: string;
  let phone: string;

  beforeAll(async () => {
    user = await registerUser('history');
    ({ sessionId: session, phone } = await linkSession(user.apiKey));
  });

  it('shows a sent message passing pending, processing, completed, delivered and read in order, with its attempts and WhatsApp id', async () => {
    const contact = await addContact();

    const messageId = await sendText(user.apiKey, session, contact, 'Hello story');

    const [received] = await waitForReceived(contact, 1);
    const story = await waitForStatus(user.apiKey, session, messageId, 'read');
    expect(story).toMatchObject({
      messageId,
      direction: 'out',
      from: null,
      to: contact,
      isGroup: false,
      type: 'text',
      text: 'Hello story',
      status: 'read',
      attempts: 1,
      waMessageId: received!.id,
    });
    expect(story.history.map((entry: { status: string }) => entry.status)).toEqual([
      'pending',
      'processing',
      'completed',
      'delivered',
      'read',
    ]);
    const times: number[] = story.history.map((entry: { at: string }) => Date.parse(entry.at));
    expect(times[0]).toBe(Date.parse(story.createdAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(Date.parse(received!.receivedAt)).toBeGreaterThanOrEqual(times[1]!);
  });

  it('tells why a failed message failed, in its story and in the listing', async () => {
    const stranger = await addContact({ onWhatsApp: false });

    const messageId = await sendText(user.apiKey, session, stranger, 'anyone?');

    const story = await waitForStatus(user.apiKey, session, messageId, 'failed');
    const listed = (await listPage(user.apiKey, { session, direction: 'out' })).body.data.find(
      (message: { messageId: string }) => message.messageId === messageId,
    );
    expect(listed).toMatchObject({ status: 'failed', failureReason: 'recipient is not on WhatsApp' });
    expect(story.failureReason).toBe('recipient is not on WhatsApp');
    expect(story.history.map(({ status, reason }: { status: string; reason?: string }) => [status, reason])).toEqual([
      ['pending', undefined],
      ['processing', undefined],
      ['failed', 'recipient is not on WhatsApp'],
    ]);
  });

  it('shows a message stored before histories were kept as sent through the API, under its derived WhatsApp id, and starts its history', async () => {
    const contact = await addContact();
    const internalId = await internalSessionId(user.apiKey, session);
    const messageId = newMessageId();
    const createdAt = new Date().toISOString();
    // The item as it was stored before messages had a direction, an origin, a WhatsApp id and a history.
    await dynamoClient().send(
      new PutCommand({
        TableName: tableName(),
        Item: {
          ...keys.message(messageId),
          ...keys.messagesOfSession(internalId, messageId),
          messageId,
          sessionId: internalId,
          userId: user.id,
          shard: 0,
          type: 'text',
          to: contact,
          jid: `${contact}@s.whatsapp.net`,
          isGroup: false,
          text: 'from before',
          status: 'completed',
          attempts: 1,
          createdAt,
          updatedAt: createdAt,
          sentAt: createdAt,
        },
      }),
    );

    const before = await messageStatus(user.apiKey, session, messageId);
    await sim(`/contacts/${contact}/receipts`, { to: digits(phone), ids: [waMessageIdOf(messageId)], type: 'read' });

    expect(before.body.data).toMatchObject({
      direction: 'out',
      from: null,
      status: 'completed',
      waMessageId: waMessageIdOf(messageId),
      history: [],
    });
    const read = await waitForStatus(user.apiKey, session, messageId, 'read');
    // Read without a delivery receipt first: it was delivered then.
    expect(read.history).toEqual([
      { status: 'delivered', at: expect.any(String) },
      { status: 'read', at: expect.any(String) },
    ]);
    const outbound = await allPages(user.apiKey, { session, direction: 'out' });
    expect(outbound.flatMap((page) => page.data.map((message) => message.messageId))).toContain(messageId);
  });

  it('answers 404 for a message id it does not know', async () => {
    const answer = await messageStatus(user.apiKey, session, 'msg_01K8NA5Q0Z3W4X5Y6Z7A8B9C0D');

    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({ success: false, error: 'Message not found' });
  });
});

describe("a session's message list", () => {
  let user: TestUser;
  let session: string;
  const sent: string[] = [];

  beforeAll(async () => {
    user = await registerUser('listing');
    session = (await linkSession(user.apiKey)).sessionId;
    const contact = await addContact({ autoReceipts: { delivery: false, read: false } });
    for (let index = 1; index <= 7; index++) sent.push(await sendText(user.apiKey, session, contact, `message ${index}`));
    // The listing's index is eventually consistent: wait until it shows all seven.
    await pollUntil(
      () => listPage(user.apiKey, { session, limit: '100' }),
      (page) => page.body.data?.length === 7,
    );
  });

  it('pages newest first with limit and cursor, to a null cursor after the last page', async () => {
    const pages = await allPages(user.apiKey, { session, limit: '3' });

    expect(pages.map((page) => page.data.length)).toEqual([3, 3, 1]);
    expect(pages.flatMap((page) => page.data.map((message) => message.messageId))).toEqual([...sent].reverse());
    expect(pages.at(-1)!.nextCursor).toBeNull();
    expect(pages[0]!.data[0]).toMatchObject({
      direction: 'out',
      from: null,
      isGroup: false,
      type: 'text',
      text: 'message 7',
      status: expect.any(String),
      createdAt: expect.any(String),
    });
  });

  it('ends with a null cursor when the last page is exactly full', async () => {
    const pages = await allPages(user.apiKey, { session, limit: '7' });

    expect(pages).toHaveLength(1);
    expect(pages[0]!.data).toHaveLength(7);
    expect(pages[0]!.nextCursor).toBeNull();
  });

  it('keeps only the direction asked for: all of them sent, none received yet', async () => {
    const outbound = await allPages(user.apiKey, { session, direction: 'out', limit: '4' });
    // Two a page: finding none of seven takes several reads, all made for one answer.
    const inbound = await listPage(user.apiKey, { session, direction: 'in', limit: '2' });

    expect(outbound.flatMap((page) => page.data.map((message) => message.messageId))).toEqual([...sent].reverse());
    expect(inbound.status).toBe(200);
    expect(inbound.body).toEqual({ success: true, data: [], nextCursor: null });
  });

  it.each([
    ['a cursor that does not decode', { cursor: 'not-a-cursor' }, 'Invalid cursor'],
    ['a limit of 0', { limit: '0' }, undefined],
    ['a limit of 101', { limit: '101' }, undefined],
    ['an unknown direction', { direction: 'sideways' }, undefined],
  ])('refuses %s with 400', async (_, query, error) => {
    const answer = await listPage(user.apiKey, { session, ...query });

    expect(answer.status).toBe(400);
    expect(answer.body.success).toBe(false);
    if (error) expect(answer.body.error).toBe(error);
  });

  it("refuses another session's cursor with 400", async () => {
    const other = await registerUser('other');
    const otherSession = (await linkSession(other.apiKey)).sessionId;
    const { body: firstPage } = await listPage(user.apiKey, { session, limit: '2' });

    const answer = await listPage(other.apiKey, { session: otherSession, cursor: firstPage.nextCursor });

    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ success: false, error: 'Invalid cursor' });
  });
});

describe('messages belong to their session', () => {
  it("answers another tenant's session name as a missing session, and its message id under one's own session as not found", async () => {
    const [owner, other] = [await registerUser('owner'), await registerUser('other')];
    const [ownSession, otherSession] = [(await linkSession(owner.apiKey)).sessionId, (await linkSession(other.apiKey)).sessionId];
    const messageId = await sendText(owner.apiKey, ownSession, await addContact(), 'private');
    await waitForStatus(owner.apiKey, ownSession, messageId, 'read');

    const listed = await listPage(other.apiKey, { session: ownSession });
    const byName = await messageStatus(other.apiKey, ownSession, messageId);
    const underOwn = await messageStatus(other.apiKey, otherSession, messageId);

    expect(listed.status).toBe(400);
    expect(listed.body).toEqual({ success: false, error: 'Session does not exist' });
    expect(byName.status).toBe(400);
    expect(byName.body).toEqual({ success: false, error: 'Session does not exist' });
    expect(underOwn.status).toBe(404);
    expect(underOwn.body).toEqual({ success: false, error: 'Message not found' });
    expect((await listPage(other.apiKey, { session: otherSession })).body.data).toEqual([]);
  });

  it('shows the next session of a reused name none of the messages of the one before', async () => {
    const user = await registerUser('reuse');
    const name = `reused-${digits(uniquePhone())}`;
    const contact = await addContact();
    const before = (await linkSession(user.apiKey, { name })).sessionId;
    const earlier = [await sendText(user.apiKey, before, contact, 'old 1'), await sendText(user.apiKey, before, contact, 'old 2')];
    await waitForReceived(contact, 2);
    await pollUntil(
      () => listPage(user.apiKey, { session: name }),
      (page) => page.body.data?.length === 2,
    );
    expect((await api('/session/logout', { body: { session: name }, headers: key(user.apiKey) })).status).toBe(200);

    await linkSession(user.apiKey, { name });

    expect((await listPage(user.apiKey, { session: name })).body).toEqual({ success: true, data: [], nextCursor: null });
    for (const messageId of earlier) expect((await messageStatus(user.apiKey, name, messageId)).status).toBe(404);
  });
});
