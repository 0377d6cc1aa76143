import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { waMessageIdOf } from '../../shared/ids.ts';
import { api } from '../support/http.ts';
import { pollUntil } from '../support/poll.ts';
import { addContact, digits, linkSession, sendFromContact, sendFromPhone, sim, uniquePhone, waitForReceived } from '../support/sim.ts';
import { registerUser, type TestUser } from '../support/users.ts';
import type { MessageContent } from '../wa-sim/message-content.ts';

const key = (apiKey: string) => ({ 'x-api-key': apiKey });

type Listed = Record<string, any> & { messageId: string; type: string; text?: string; caption?: string };

const listPage = (apiKey: string, query: Record<string, string>) =>
  api(`/message/list?${new URLSearchParams({ limit: '100', ...query }).toString()}`, { headers: key(apiKey) });

const messageStatus = (apiKey: string, session: string, messageId: string) =>
  api(`/message/status?${new URLSearchParams({ session, messageId }).toString()}`, { headers: key(apiKey) });

/** The session's listed messages once `done` holds for them. */
const waitForListed = async (apiKey: string, session: string, done: (messages: Listed[]) => boolean, direction = 'all') =>
  (
    await pollUntil(
      () => listPage(apiKey, { session, direction }),
      (page) => page.status === 200 && done(page.body.data),
      { timeoutMs: 15_000, failure: (page) => `listing never matched; last: ${JSON.stringify(page?.body)}` },
    )
  ).body.data as Listed[];

/** The listed message whose text or caption is `text`, once it is there. */
const waitForText = async (apiKey: string, session: string, text: string, direction = 'all') =>
  (
    await waitForListed(apiKey, session, (messages) => messages.some((message) => (message.text ?? message.caption) === text), direction)
  ).find((message) => (message.text ?? message.caption) === text)!;

/** The message's story once `done` holds for it. */
const waitForStory = async (apiKey: string, session: string, messageId: string, done: (story: any) => boolean) =>
  (
    await pollUntil(
      () => messageStatus(apiKey, session, messageId),
      (answer) => answer.status === 200 && done(answer.body.data),
      { timeoutMs: 15_000, failure: (answer) => `message ${messageId} never matched; last: ${JSON.stringify(answer?.body)}` },
    )
  ).body.data;

const base64 = (bytes: number) => randomBytes(bytes).toString('base64');

describe('messages contacts send', () => {
  let user: TestUser;
  let session: string;
  let account: string;
  let contact: string;

  beforeAll(async () => {
    user = await registerUser('inbound');
    ({ sessionId: session, phone: account } = await linkSession(user.apiKey));
    contact = await addContact();
  });

  it('lists every kind a contact sends, each with its content', async () => {
    const sent = [
      { type: 'text', text: 'plain text' },
      { type: 'extendedText', text: 'extended text' },
      { type: 'image', base64: base64(2_000), mimeType: 'image/jpeg', caption: 'an image' },
      { type: 'video', base64: base64(3_000), mimeType: 'video/mp4', caption: 'a video', seconds: 7 },
      { type: 'audio', base64: base64(1_500), mimeType: 'audio/ogg; codecs=opus', voiceNote: true, seconds: 3 },
      { type: 'audio', base64: base64(1_200), mimeType: 'audio/mpeg', seconds: 95 },
      { type: 'document', base64: base64(2_500), mimeType: 'application/pdf', fileName: 'invoice.pdf', caption: 'a document' },
      { type: 'sticker', base64: base64(800), mimeType: 'image/webp' },
      { type: 'location', latitude: -6.1754, longitude: 106.8272, name: 'Monas', address: 'Jakarta' },
      { type: 'contacts', contacts: [{ name: 'Sari', phone: '+6281111111111' }] },
      {
        type: 'contacts',
        contacts: [
          { name: 'Sari', phone: '+6281111111111' },
          { name: 'Eko', phone: '+6282222222222' },
        ],
      },
      { type: 'poll', question: 'Lunch?', options: ['Yes', 'No'] },
    ] satisfies MessageContent[];
    for (const content of sent) await sendFromContact(contact, account, content, { pushName: 'Budi' });

    const listed = await waitForListed(user.apiKey, session, (messages) => messages.length >= sent.length, 'in');

    const common = { direction: 'in', origin: 'contact', from: `+${contact}`, pushName: 'Budi', to: digits(account), isGroup: false };
    const media = (description: Record<string, unknown>) => ({ media: expect.objectContaining(description) });
    const vcardOf = (digits: string) => expect.stringContaining(`waid=${digits}`);
    const expected = [
      { type: 'text', text: 'plain text' },
      { type: 'text', text: 'extended text' },
      { type: 'image', caption: 'an image', ...media({ mimeType: 'image/jpeg', size: 2_000 }) },
      { type: 'video', caption: 'a video', ...media({ mimeType: 'video/mp4', size: 3_000, seconds: 7 }) },
      { type: 'audio', ...media({ mimeType: 'audio/ogg; codecs=opus', size: 1_500, voiceNote: true, seconds: 3 }) },
      { type: 'audio', ...media({ mimeType: 'audio/mpeg', size: 1_200, voiceNote: false, seconds: 95 }) },
      { type: 'document', caption: 'a document', ...media({ mimeType: 'application/pdf', fileName: 'invoice.pdf', size: 2_500 }) },
      { type: 'sticker', ...media({ mimeType: 'image/webp', size: 800 }) },
      { type: 'location', location: { latitude: -6.1754, longitude: 106.8272, name: 'Monas', address: 'Jakarta' } },
      { type: 'contacts', contacts: [{ name: 'Sari', vcard: vcardOf('6281111111111') }] },
      {
        type: 'contacts',
        contacts: [
          { name: 'Sari', vcard: vcardOf('6281111111111') },
          { name: 'Eko', vcard: vcardOf('6282222222222') },
        ],
      },
      { type: 'poll', poll: { question: 'Lunch?', options: ['Yes', 'No'], selectableCount: 1 } },
    ];
    expect(listed).toHaveLength(expected.length);
    for (const shape of expected)
      expect(listed).toContainEqual(expect.objectContaining({ ...common, ...shape, sentAt: expect.any(String) }));
    expect(listed.filter((message) => message.status !== undefined)).toEqual([]);
  });

  it('tells which message a reply quotes: one the contact sent, or one the session sent', async () => {
    const question = await sendFromContact(contact, account, 'question?');
    const sent = await api('/message/send-text', { body: { session, to: contact, text: 'our answer' }, headers: key(user.apiKey) });
    const [ours] = await waitForReceived(contact, 1);
    const quotesOwn = await waitForText(user.apiKey, session, 'question?');

    await sendFromContact(contact, account, 'replying to myself', { quoted: { id: question.id, fromMe: true } });
    await sendFromContact(contact, account, 'replying to you', { quoted: { id: ours!.id } });

    expect(await waitForText(user.apiKey, session, 'replying to myself')).toMatchObject({
      quotedMessageId: quotesOwn.messageId,
      quotedWaMessageId: question.id,
    });
    expect(await waitForText(user.apiKey, session, 'replying to you')).toMatchObject({
      quotedMessageId: sent.body.messageId,
      quotedWaMessageId: waMessageIdOf(sent.body.messageId),
    });
  });

  it('attaches a reaction to the session’s sent message, and shows it in that message’s story', async () => {
    const reactor = await addContact();
    const sent = await api('/message/send-text', { body: { session, to: reactor, text: 'react to me' }, headers: key(user.apiKey) });
    const [received] = await waitForReceived(reactor, 1);

    await sendFromContact(reactor, account, { type: 'reaction', targetId: received!.id, emoji: '❤️' });

    const story = await waitForStory(user.apiKey, session, sent.body.messageId, (data) => data.reactions !== undefined);
    expect(story.reactions).toEqual([{ emoji: '❤️', from: `+${reactor}` }]);
    // The contact's delivery and read receipts may land before or after the reaction.
    expect(story.history.filter((entry: { event?: string }) => entry.event === 'reacted')).toEqual([
      { event: 'reacted', at: expect.any(String), emoji: '❤️', from: `+${reactor}` },
    ]);
    const listed = await listPage(user.apiKey, { session });
    expect(listed.body.data.filter((message: Listed) => message.type === 'reaction')).toEqual([]);
  });

  it('attaches a reaction to a received message, replaces it with the next one, and drops it when taken back', async () => {
    const reactor = await addContact();
    const delivered = await sendFromContact(reactor, account, 'react to this');
    const target = await waitForText(user.apiKey, session, 'react to this');

    await sendFromContact(reactor, account, { type: 'reaction', targetId: delivered.id, emoji: '👍', targetFromMe: true });
    const first = await waitForStory(user.apiKey, session, target.messageId, (data) => data.reactions?.[0]?.emoji === '👍');
    await sendFromContact(reactor, account, { type: 'reaction', targetId: delivered.id, emoji: '😂', targetFromMe: true });
    const second = await waitForStory(user.apiKey, session, target.messageId, (data) => data.reactions?.[0]?.emoji === '😂');
    await sendFromContact(reactor, account, { type: 'reaction', targetId: delivered.id, emoji: '', targetFromMe: true });
    const takenBack = await waitForStory(user.apiKey, session, target.messageId, (data) => data.history.length === 4);

    expect(first.reactions).toEqual([{ emoji: '👍', from: `+${reactor}` }]);
    expect(second.reactions).toEqual([{ emoji: '😂', from: `+${reactor}` }]);
    expect(takenBack.reactions).toBeUndefined();
    expect(takenBack.history.map((entry: { event: string; emoji?: string }) => [entry.event, entry.emoji])).toEqual([
      ['received', undefined],
      ['reacted', '👍'],
      ['reacted', '😂'],
      ['reacted', ''],
    ]);
  });

  it('keeps a reaction to a message the session does not have as a message of its own', async () => {
    await sendFromContact(contact, account, { type: 'reaction', targetId: '3EB0NOTHERE0001', emoji: '🔥' });

    const listed = await waitForListed(user.apiKey, session, (messages) => messages.some((message) => message.type === 'reaction'), 'in');
    expect(listed.find((message) => message.type === 'reaction')).toMatchObject({
      from: `+${contact}`,
      reaction: { emoji: '🔥', targetWaMessageId: '3EB0NOTHERE0001' },
    });
  });

  it('changes a message its author edits or deletes for everyone, and keeps both in its history', async () => {
    const typo = await sendFromContact(contact, account, 'helo wrold');
    const regret = await sendFromContact(contact, account, 'something regrettable');
    const edited = await waitForText(user.apiKey, session, 'helo wrold');
    const deleted = await waitForText(user.apiKey, session, 'something regrettable');

    await sendFromContact(contact, account, { type: 'edit', targetId: typo.id, text: 'hello world' });
    await sendFromContact(contact, account, { type: 'revoke', targetId: regret.id });

    const afterEdit = await waitForStory(user.apiKey, session, edited.messageId, (data) => data.editedAt !== undefined);
    const afterDelete = await waitForStory(user.apiKey, session, deleted.messageId, (data) => data.deletedAt !== undefined);
    expect(afterEdit).toMatchObject({ text: 'hello world', waMessageId: typo.id });
    expect(afterEdit.history).toEqual([
      { event: 'received', at: expect.any(String) },
      { event: 'edited', at: afterEdit.editedAt, text: 'hello world' },
    ]);
    expect(afterDelete.text).toBeUndefined();
    expect(afterDelete.history).toEqual([
      { event: 'received', at: expect.any(String) },
      { event: 'deleted', at: afterDelete.deletedAt },
    ]);
  });

  it('does not let one contact edit, delete or react to a message in another’s chat', async () => {
    const intruder = await addContact();
    const original = await sendFromContact(contact, account, 'mine alone');
    const target = await waitForText(user.apiKey, session, 'mine alone');

    await sendFromContact(intruder, account, { type: 'edit', targetId: original.id, text: 'hijacked' });
    await sendFromContact(intruder, account, { type: 'revoke', targetId: original.id });
    await sendFromContact(intruder, account, { type: 'reaction', targetId: original.id, emoji: '💩', targetFromMe: true });
    // The session handles a chat's messages in order: once this one is listed, the two before it were handled.
    await sendFromContact(intruder, account, 'after the attempts');
    await waitForText(user.apiKey, session, 'after the attempts');

    const story = await messageStatus(user.apiKey, session, target.messageId);
    expect(story.body.data).toMatchObject({ text: 'mine alone', history: [{ event: 'received', at: expect.any(String) }] });
    expect(story.body.data.editedAt).toBeUndefined();
    expect(story.body.data.deletedAt).toBeUndefined();
    expect(story.body.data.reactions).toBeUndefined();
  });

  it('stores a message WhatsApp delivers twice once', async () => {
    const id = `3EB0${randomBytes(8).toString('hex').toUpperCase()}`;

    await sendFromContact(contact, account, 'only once', { id });
    await sendFromContact(contact, account, 'only once', { id });
    await sendFromContact(contact, account, 'after the duplicate');

    const listed = await waitForListed(
      user.apiKey,
      session,
      (messages) => messages.some((message) => message.text === 'after the duplicate'),
      'in',
    );
    expect(listed.filter((message) => message.text === 'only once')).toHaveLength(1);
  });

  it('shows a sender WhatsApp addresses by LID by its phone number, with the LID', async () => {
    const phone = digits(uniquePhone());
    const { body: added } = await sim<{ lid: string }>('/contacts', { phone, name: 'Lina' });

    await sendFromContact(phone, account, 'sent by LID', { addressing: 'lid' });

    expect(await waitForText(user.apiKey, session, 'sent by LID')).toMatchObject({
      from: `+${phone}`,
      fromLid: added.lid,
      pushName: 'Lina',
    });
  });

  it('lists a message typed on the account’s own phone as outbound, from the phone, without a send status', async () => {
    await sendFromPhone(account, contact, 'typed on the phone');

    const listed = await waitForText(user.apiKey, session, 'typed on the phone', 'out');
    expect(listed).toMatchObject({ direction: 'out', origin: 'phone', from: null, to: contact, isGroup: false, type: 'text' });
    expect(listed.status).toBeUndefined();
  });

  it('does not list the session’s own sends a second time when WhatsApp echoes them back', async () => {
    const recipient = await addContact();
    await api('/message/send-text', { body: { session, to: recipient, text: 'sent once' }, headers: key(user.apiKey) });
    await waitForReceived(recipient, 1);
    await sendFromContact(recipient, account, 'after the echo');
    await waitForText(user.apiKey, session, 'after the echo');

    const listed = (await listPage(user.apiKey, { session })).body.data as Listed[];
    expect(listed.filter((message) => message.text === 'sent once').map(({ origin }) => origin)).toEqual(['api']);
  });

  it('lists a group message with the group as recipient and the member as sender', async () => {
    const { body: group } = await sim<{ jid: string }>('/groups', { subject: 'Team', contacts: [contact], accounts: [digits(account)] });

    await sendFromContact(contact, account, 'hello group', { group: group.jid });

    expect(await waitForText(user.apiKey, session, 'hello group')).toMatchObject({
      direction: 'in',
      isGroup: true,
      to: group.jid.replace(/@g\.us$/, ''),
      from: `+${contact}`,
    });
  });

  it('answers a contact’s push name, learned from its message, as its profile name', async () => {
    const named = await addContact();
    await sendFromContact(named, account, 'my name is in this', { pushName: 'Rina' });
    await waitForText(user.apiKey, session, 'my name is in this');

    const profile = await pollUntil(
      () => api('/profile', { body: { session, target: named }, headers: key(user.apiKey) }),
      (answer) => answer.body.data?.name === 'Rina',
      { timeoutMs: 10_000, failure: (answer) => `profile name never Rina; last: ${JSON.stringify(answer?.body)}` },
    );
    expect(profile.body.data).toMatchObject({ name: 'Rina', phoneNumber: `+${named}` });
  });
});

describe('received messages belong to their session', () => {
  it('shows them to no other tenant, and not to the next session of a reused name', async () => {
    const [owner, other] = [await registerUser('owner'), await registerUser('other')];
    const name = `reused-${digits(uniquePhone())}`;
    const { phone } = await linkSession(owner.apiKey, { name });
    const otherSession = (await linkSession(other.apiKey)).sessionId;
    const contact = await addContact();
    await sendFromContact(contact, phone, 'for the owner only');
    const received = await waitForText(owner.apiKey, name, 'for the owner only');

    const byName = await listPage(other.apiKey, { session: name });
    const underOwn = await messageStatus(other.apiKey, otherSession, received.messageId);
    expect(byName.body).toEqual({ success: false, error: 'Session does not exist' });
    expect(underOwn.status).toBe(404);
    expect((await listPage(other.apiKey, { session: otherSession })).body.data).toEqual([]);

    expect((await api('/session/logout', { body: { session: name }, headers: key(owner.apiKey) })).status).toBe(200);
    await linkSession(owner.apiKey, { name, phone });

    expect((await listPage(owner.apiKey, { session: name })).body).toEqual({ success: true, data: [], nextCursor: null });
    expect((await messageStatus(owner.apiKey, name, received.messageId)).status).toBe(404);
  });
});
