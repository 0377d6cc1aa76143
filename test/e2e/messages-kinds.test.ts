import { beforeAll, describe, expect, it } from 'vitest';
import { waMessageIdOf } from '../../shared/ids.ts';
import { api } from '../support/http.ts';
import { anotherTenantsMessage } from '../support/messages.ts';
import { pollUntil } from '../support/poll.ts';
import { addContact, linkSession, sendFromContact, sim, waitForReceived, type Received } from '../support/sim.ts';
import { registerUser, type TestUser } from '../support/users.ts';

const key = (apiKey: string) => ({ 'x-api-key': apiKey });

describe('sending locations, contacts, polls, reactions, replies and mentions', () => {
  let user: TestUser;
  let session: string;
  let account: string;

  beforeAll(async () => {
    user = await registerUser();
    ({ sessionId: session, phone: account } = await linkSession(user.apiKey));
  });

  const send = (path: string, body: Record<string, unknown>, apiKey = user.apiKey) =>
    api(`/message/${path}`, { body: { session, ...body }, headers: key(apiKey) });

  /** Sends and answers the message the contact decrypted (the `n`th it has), and the sent message's id. */
  async function sendAndReceive(path: string, contact: string, body: Record<string, unknown>, n = 1): Promise<[Received, string]> {
    // A reaction goes to its target's chat: it takes no `to`.
    const sent = await send(path, path === 'send-reaction' ? body : { to: contact, ...body });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    const received = await waitForReceived(contact, n);
    return [received[n - 1]!, sent.body.messageId];
  }

  /** The stored message a contact's text became, once the session has it. */
  const receivedFrom = (contact: string, text: string) =>
    pollUntil(
      async () =>
        ((await api(`/message/list?session=${session}&direction=in`, { headers: key(user.apiKey) })).body.data as any[]).find(
          (message) => message.from === `+${contact}` && message.text === text,
        ),
      (message) => message !== undefined,
      { timeoutMs: 10_000, failure: () => `the session did not store "${text}" from ${contact}` },
    );

  const statusOf = async (messageId: string) =>
    (await api(`/message/status?session=${session}&messageId=${messageId}`, { headers: key(user.apiKey) })).body.data;

  /** The `reactions` a message shows once `done` holds of them (undefined: none). */
  const reactionsOn = (messageId: string, done: (reactions: unknown[] | undefined) => boolean) =>
    pollUntil(async () => (await statusOf(messageId)).reactions as unknown[] | undefined, done, {
      timeoutMs: 10_000,
      failure: (reactions) => `message ${messageId} shows reactions ${JSON.stringify(reactions)}`,
    });

  it('sends a location with its coordinates, name and address, and shows it as sent', async () => {
    const contact = await addContact();

    const [received, messageId] = await sendAndReceive('send-location', contact, {
      latitude: -6.2088,
      longitude: 106.8456,
      name: 'Monas',
      address: 'Gambir, Central Jakarta',
    });

    expect(received.message.locationMessage).toMatchObject({
      degreesLatitude: -6.2088,
      degreesLongitude: 106.8456,
      name: 'Monas',
      address: 'Gambir, Central Jakarta',
    });
    expect(await statusOf(messageId)).toMatchObject({
      type: 'location',
      location: { latitude: -6.2088, longitude: 106.8456, name: 'Monas', address: 'Gambir, Central Jakarta' },
    });
  });

  it('sends one contact as a contact card whose vCard escapes the name and carries the number as waid', async () => {
    const contact = await addContact();

    const [received, messageId] = await sendAndReceive('send-contact', contact, {
      contacts: [{ name: 'Doe, John; Jr.\nEND:VCARD', phone: '+6281234567890' }],
    });

    const card = received.message.contactMessage;
    expect(card.displayName).toBe('Doe, John; Jr.\nEND:VCARD');
    expect(card.vcard.split('\n')).toEqual([
      'BEGIN:VCARD',
      'VERSION:3.0',
      'N:;Doe\\, John\\; Jr.\\nEND:VCARD;;;',
      'FN:Doe\\, John\\; Jr.\\nEND:VCARD',
      'TEL;type=CELL;type=VOICE;waid=6281234567890:+6281234567890',
      'END:VCARD',
    ]);
    expect((await statusOf(messageId)).contacts).toEqual([{ name: 'Doe, John; Jr.\nEND:VCARD', vcard: card.vcard }]);
  });

  it('sends several contacts as one message of cards', async () => {
    const contact = await addContact();

    const [received] = await sendAndReceive('send-contact', contact, {
      contacts: [
        { name: 'Alice', phone: '6281111111111' },
        { name: 'Bob', phone: '6282222222222' },
      ],
    });

    const cards = received.message.contactsArrayMessage.contacts;
    expect(cards.map((card: { displayName: string }) => card.displayName)).toEqual(['Alice', 'Bob']);
    expect(cards[0].vcard).toContain('FN:Alice\nTEL;type=CELL;type=VOICE;waid=6281111111111:+6281111111111');
    expect(cards[1].vcard).toContain('waid=6282222222222:+6282222222222');
  });

  it.each([
    [1, 'pollCreationMessageV3'],
    [2, 'pollCreationMessage'],
  ])('sends a poll choosing %i with its question and options', async (selectable, part) => {
    const contact = await addContact();

    const [received, messageId] = await sendAndReceive('send-poll', contact, {
      question: 'Lunch on Friday?',
      options: ['Nasi goreng', 'Sate', 'Bakso'],
      selectable_count: selectable,
    });

    expect(received.message[part]).toMatchObject({
      name: 'Lunch on Friday?',
      options: [{ optionName: 'Nasi goreng' }, { optionName: 'Sate' }, { optionName: 'Bakso' }],
      selectableOptionsCount: selectable,
    });
    expect((await statusOf(messageId)).poll).toEqual({
      question: 'Lunch on Friday?',
      options: ['Nasi goreng', 'Sate', 'Bakso'],
      selectableCount: selectable,
    });
  });

  it('reacts to a message it sent, and takes the reaction back with an empty emoji', async () => {
    const contact = await addContact();
    const [, textId] = await sendAndReceive('send-text', contact, { text: 'React to me' });

    const [reaction, reactionId] = await sendAndReceive('send-reaction', contact, { message_id: textId, emoji: '👍' }, 2);
    const reacted = await reactionsOn(textId, (reactions) => reactions !== undefined);
    const [removal] = await sendAndReceive('send-reaction', contact, { message_id: textId, emoji: '' }, 3);
    await reactionsOn(textId, (reactions) => reactions === undefined);

    expect(reaction.message.reactionMessage).toMatchObject({ text: '👍', key: { id: waMessageIdOf(textId), fromMe: true } });
    expect(removal.message.reactionMessage).toMatchObject({ key: { id: waMessageIdOf(textId) } });
    expect(removal.message.reactionMessage.text ?? '').toBe('');
    expect(reacted).toEqual([{ emoji: '👍', from: null }]);
    expect(await statusOf(reactionId)).toMatchObject({
      type: 'reaction',
      to: contact,
      reaction: { emoji: '👍', targetMessageId: textId, targetWaMessageId: waMessageIdOf(textId) },
    });
  });

  it("reacts to a contact's message in its chat, with the contact's key", async () => {
    const contact = await addContact();
    const { id } = await sendFromContact(contact, account, 'react to this');
    const target = await receivedFrom(contact, 'react to this');

    const [reaction] = await sendAndReceive('send-reaction', contact, { message_id: target.messageId, emoji: '❤️' });

    expect(reaction.message.reactionMessage).toMatchObject({ text: '❤️', key: { id, fromMe: false } });
    expect(await reactionsOn(target.messageId, (reactions) => reactions !== undefined)).toEqual([{ emoji: '❤️', from: null }]);
  });

  it("replies to a contact's message, quoting it, and shows what it quotes", async () => {
    const contact = await addContact();
    const { id } = await sendFromContact(contact, account, 'Can you send the address?');
    const target = await receivedFrom(contact, 'Can you send the address?');

    const [text, textId] = await sendAndReceive('send-text', contact, { text: 'Sure', reply_to: target.messageId });
    const [location] = await sendAndReceive('send-location', contact, { latitude: 1.5, longitude: 2.5, reply_to: target.messageId }, 2);

    expect(text.message.extendedTextMessage).toMatchObject({
      text: 'Sure',
      contextInfo: { stanzaId: id, quotedMessage: { conversation: 'Can you send the address?' } },
    });
    expect(location.message.locationMessage.contextInfo.stanzaId).toBe(id);
    expect(await statusOf(textId)).toMatchObject({ quotedMessageId: target.messageId, quotedWaMessageId: id });
  });

  it('replies to a message it sent itself', async () => {
    const contact = await addContact();
    const [, first] = await sendAndReceive('send-poll', contact, { question: 'Which day?', options: ['Mon', 'Tue'] });

    const [reply] = await sendAndReceive('send-text', contact, { text: 'Please vote', reply_to: first }, 2);

    expect(reply.message.extendedTextMessage.contextInfo).toMatchObject({
      stanzaId: waMessageIdOf(first),
      quotedMessage: { pollCreationMessage: { name: 'Which day?' } },
    });
  });

  it('mentions group members: each decrypts their JIDs in mentionedJid', async () => {
    const members = [await addContact(), await addContact()];
    const group = await sim('/groups', { subject: 'Team', contacts: members, accounts: [session] });

    const sent = await send('send-text', {
      to: group.body.jid,
      is_group: true,
      text: `Hi @${members[0]} and @${members[1]}`,
      mentions: members,
    });
    const pin = await send('send-location', { to: group.body.jid, is_group: true, latitude: 1, longitude: 2, mentions: [members[0]] });

    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(pin.status, JSON.stringify(pin.body)).toBe(200);
    for (const member of members) {
      const [text, location] = await waitForReceived(member, 2);
      expect(text!.to).toBe(group.body.jid);
      expect(text!.message.extendedTextMessage.contextInfo.mentionedJid).toEqual(members.map((phone) => `${phone}@s.whatsapp.net`));
      expect(location!.message.locationMessage.contextInfo.mentionedJid).toEqual([`${members[0]}@s.whatsapp.net`]);
    }
    expect((await statusOf(sent.body.messageId)).mentions).toEqual(members);
  });

  it("reacts in a group to a member's message, naming the member as participant", async () => {
    const member = await addContact();
    const group = await sim('/groups', { subject: 'Team', contacts: [member], accounts: [session] });
    const { id } = await sendFromContact(member, account, 'group news', { group: group.body.jid });
    const target = await receivedFrom(member, 'group news');

    const sent = await send('send-reaction', { message_id: target.messageId, emoji: '🎉' });

    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    const [reaction] = await waitForReceived(member, 1);
    expect(reaction!.to).toBe(group.body.jid);
    expect(reaction!.message.reactionMessage).toMatchObject({ text: '🎉', key: { id, fromMe: false } });
    const { body: contacts } = await sim<{ phone: string; jid: string; lid: string }[]>('/contacts');
    const { jid, lid } = contacts.find((known) => known.phone === member)!;
    expect([jid, lid]).toContain(reaction!.message.reactionMessage.key.participant);
  });

  it.each([
    ['send-location', { latitude: 91, longitude: 0 }, 'latitude'],
    ['send-location', { latitude: 0, longitude: -180.5 }, 'longitude'],
    ['send-contact', { contacts: [] }, 'contacts'],
    ['send-contact', { contacts: Array.from({ length: 11 }, (_, i) => ({ name: `C${i}`, phone: `62811111111${i}` })) }, 'contacts'],
    ['send-contact', { contacts: [{ name: 'No number', phone: 'abc' }] }, 'contacts'],
    ['send-poll', { question: 'Q?', options: ['Only'] }, 'options'],
    ['send-poll', { question: 'Q?', options: ['Same', 'Same'] }, 'options'],
    ['send-poll', { question: 'Q?', options: Array.from({ length: 13 }, (_, i) => `O${i}`) }, 'options'],
    ['send-poll', { question: 'Q?', options: ['A', 'B'], selectable_count: 3 }, 'selectable_count'],
    ['send-poll', { question: 'Q?', options: ['A', 'B'], selectable_count: 0 }, 'selectable_count'],
    ['send-text', { text: 'hi @6281234567890', mentions: ['6281234567890'] }, 'mentions'],
    ['send-text', { text: 'hi', mentions: ['12'], is_group: true, to: '120363025246125888@g.us' }, 'mentions'],
  ])('refuses %s with %j: 400 naming %s', async (path, fields, field) => {
    const contact = await addContact();

    const sent = await send(path, { to: contact, ...fields });

    expect(sent.status).toBe(400);
    expect(JSON.stringify(sent.body)).toContain(field);
  });

  it.each([
    [{ emoji: 'ab' }, 'emoji'],
    [{ emoji: '👍👍' }, 'emoji'],
    [{ emoji: '👍', to: '6281234567890' }, 'to'],
  ])('refuses a reaction with %j: 400 naming %s', async (fields, field) => {
    const contact = await addContact();
    const [, textId] = await sendAndReceive('send-text', contact, { text: 'target' });

    const sent = await send('send-reaction', { message_id: textId, ...fields });

    expect(sent.status).toBe(400);
    expect(JSON.stringify(sent.body)).toContain(field);
  });

  it("answers 404 for another tenant's message, as reply_to or reaction target, and for an unknown one", async () => {
    const theirs = await anotherTenantsMessage();
    const contact = await addContact();

    const reply = await send('send-text', { to: contact, text: 'quoting', reply_to: theirs });
    const reaction = await send('send-reaction', { message_id: theirs, emoji: '👍' });
    const unknown = await send('send-reaction', { message_id: 'msg_01K8NA5Q0Z3W4X5Y6Z7A8B9C0D', emoji: '👍' });

    for (const answer of [reply, reaction, unknown]) {
      expect(answer.status).toBe(404);
      expect(answer.body.error).toBe('Message not found');
    }
  });
});
