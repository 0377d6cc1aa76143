import { createHash, randomBytes } from 'node:crypto';
import {
  downloadMediaMessage,
  jidNormalizedUser,
  proto,
  type MessageUpsertType,
  type WAMessage,
  type WASocket,
} from '@whiskeysockets/baileys';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { newMessageId, type ContactMessage } from './contact-actions.ts';
import { linkByQr, nextEvent, trustMediaHost, useSimulator, waitForClose } from './harness.ts';
import type { MessageContent } from './message-content.ts';

const ACCOUNT = '15550001111';
const ALICE = '15550002222';
const BOB = '15550003333';
const ACCOUNT_JID = `${ACCOUNT}@s.whatsapp.net`;
const ALICE_JID = `${ALICE}@s.whatsapp.net`;

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

type Upserted = { message: WAMessage; type: MessageUpsertType };

/** What Baileys upserts under `id`, once it does. */
const upsertOf = async (socket: WASocket, id: string): Promise<Upserted> => {
  const { messages, type } = await nextEvent(socket, 'messages.upsert', (upsert) =>
    upsert.messages.some((message) => message.key.id === id),
  );
  const [message] = messages.filter((candidate) => candidate.key.id === id);
  if (!message) throw new Error(`no message ${id} in the upsert`);
  return { message, type };
};

/** Sends as `send` does, with an id chosen up front so the wait starts before the message can arrive. */
const delivered = async (socket: WASocket, send: (id: string) => Promise<unknown>, id = newMessageId()): Promise<Upserted> => {
  const upserted = upsertOf(socket, id);
  await send(id);
  return upserted;
};

describe('messages contacts send reach the client as WhatsApp delivers them', () => {
  const { sim, clients } = useSimulator('all');
  let socket: WASocket;
  let aliceLid: string;
  let group: string;

  const fromAlice = (request: Omit<ContactMessage, 'to' | 'id'>, id?: string): Promise<Upserted> =>
    delivered(socket, (chosen) => sim().send(ALICE, { to: ACCOUNT, id: chosen, ...request }), id);
  const text = (value: string): MessageContent => ({ type: 'text', text: value });

  beforeAll(async () => {
    aliceLid = sim().addContact({ phone: ALICE, name: 'Alice' }).lid;
    sim().addContact({ phone: BOB, name: 'Bob' });
    ({ jid: group } = sim().addGroup({ subject: 'Inbound', contacts: [ALICE, BOB], accounts: [ACCOUNT] }));
    ({ socket } = await linkByQr(sim(), clients(), ACCOUNT));
    trustMediaHost(sim());
  });

  it('delivers a plain text under the push name the stanza carries', async () => {
    // Act
    const { message, type } = await fromAlice({ content: text('hi there'), pushName: 'Alice A.' });

    // Assess
    expect(type).toBe('notify');
    expect(message.key).toMatchObject({ remoteJid: ALICE_JID, fromMe: false });
    expect(message.message?.conversation).toBe('hi there');
    expect(message.pushName).toBe('Alice A.');
  });

  it('delivers an extended text', async () => {
    // Act
    const { message } = await fromAlice({ content: { type: 'extendedText', text: 'see https://example.com' } });

    // Assess
    expect(message.message?.extendedTextMessage?.text).toBe('see https://example.com');
  });

  it.each([
    ['image', { mimeType: 'image/jpeg', caption: 'a picture' }, 'imageMessage', { mimetype: 'image/jpeg', caption: 'a picture' }],
    ['video', { mimeType: 'video/mp4', seconds: 3 }, 'videoMessage', { mimetype: 'video/mp4', seconds: 3 }],
    ['audio', { mimeType: 'audio/ogg; codecs=opus', voiceNote: true, seconds: 2 }, 'audioMessage', { ptt: true, seconds: 2 }],
    ['document', { mimeType: 'application/pdf', fileName: 'report.pdf' }, 'documentMessage', { fileName: 'report.pdf' }],
    ['sticker', { mimeType: 'image/webp' }, 'stickerMessage', { mimetype: 'image/webp' }],
  ] as const)('delivers a %s whose bytes Baileys downloads unchanged from the media host', async (type, fields, part, expected) => {
    // Prepare
    const bytes = randomBytes(20_000);

    // Act
    const { message } = await fromAlice({ content: { type, base64: bytes.toString('base64'), ...fields } });
    const downloaded = await downloadMediaMessage(message, 'buffer', {});

    // Assess
    expect(message.message?.[part]).toMatchObject({ ...expected, fileLength: expect.anything(), directPath: expect.any(String) });
    expect(message.message?.[part]?.url?.startsWith(sim().mediaUrl)).toBe(true);
    expect(sha256(downloaded)).toBe(sha256(bytes));
  });

  it('delivers a location', async () => {
    // Act
    const { message } = await fromAlice({
      content: { type: 'location', latitude: -6.2, longitude: 106.8, name: 'Monas', address: 'Jakarta' },
    });

    // Assess
    expect(message.message?.locationMessage).toMatchObject({
      degreesLatitude: -6.2,
      degreesLongitude: 106.8,
      name: 'Monas',
      address: 'Jakarta',
    });
  });

  it('delivers one contact card as a vCard, and several as an array', async () => {
    // Act
    const one = await fromAlice({ content: { type: 'contacts', contacts: [{ name: 'Bob', phone: BOB }] } });
    const two = await fromAlice({
      content: {
        type: 'contacts',
        contacts: [
          { name: 'Bob', phone: BOB },
          { name: 'Carol', phone: '+15550004444' },
        ],
      },
    });

    // Assess
    expect(one.message.message?.contactMessage?.displayName).toBe('Bob');
    expect(one.message.message?.contactMessage?.vcard).toContain(`waid=${BOB}:+${BOB}`);
    expect(two.message.message?.contactsArrayMessage?.contacts?.map((card) => card.displayName)).toEqual(['Bob', 'Carol']);
  });

  it("delivers a reaction Baileys maps to the account's own message", async () => {
    // Prepare
    const sent = await socket.sendMessage(ALICE_JID, { text: 'react to this' });
    const reacted = nextEvent(socket, 'messages.reaction');

    // Act
    const { message } = await fromAlice({ content: { type: 'reaction', targetId: sent?.key.id ?? '', emoji: '👍' } });
    const [reaction] = await reacted;

    // Assess
    expect(message.message?.reactionMessage?.text).toBe('👍');
    expect(reaction?.key).toMatchObject({ id: sent?.key.id, remoteJid: ALICE_JID, fromMe: true });
    expect(reaction?.reaction.text).toBe('👍');
  });

  it('delivers a reply carrying the id of the quoted message', async () => {
    // Prepare
    const sent = await socket.sendMessage(ALICE_JID, { text: 'question?' });
    await sim().waitForMessage(ALICE, (received) => received.id === sent?.key.id);

    // Act
    const { message } = await fromAlice({ content: text('answer'), quoted: { id: sent?.key.id ?? '' } });

    // Assess
    const reply = message.message?.extendedTextMessage;
    expect(reply?.text).toBe('answer');
    expect(reply?.contextInfo).toMatchObject({ stanzaId: sent?.key.id, participant: ACCOUNT_JID });
    expect(reply?.contextInfo?.quotedMessage?.extendedTextMessage?.text).toBe('question?');
  });

  it('delivers an edit as messages.update of the edited message', async () => {
    // Prepare
    const { message: original } = await fromAlice({ content: text('tpyo') });
    const updated = nextEvent(socket, 'messages.update', (updates) => updates.some(({ update }) => !!update.message?.editedMessage));

    // Act
    const { message } = await fromAlice({ content: { type: 'edit', targetId: original.key.id ?? '', text: 'typo' } });
    const [update] = await updated;

    // Assess
    expect(message.message?.protocolMessage?.type).toBe(proto.Message.ProtocolMessage.Type.MESSAGE_EDIT);
    expect(update?.key.id).toBe(original.key.id);
    expect(update?.update.message?.editedMessage?.message?.conversation).toBe('typo');
  });

  it('delivers a delete for everyone as messages.update of the deleted message', async () => {
    // Prepare
    const { message: original } = await fromAlice({ content: text('oops') });
    const updated = nextEvent(socket, 'messages.update', (updates) =>
      updates.some(({ update }) => update.messageStubType === proto.WebMessageInfo.StubType.REVOKE),
    );

    // Act
    const { message } = await fromAlice({ content: { type: 'revoke', targetId: original.key.id ?? '' } });
    const [update] = await updated;

    // Assess
    expect(message.message?.protocolMessage?.type).toBe(proto.Message.ProtocolMessage.Type.REVOKE);
    expect(update?.key.id).toBe(original.key.id);
    expect(update?.update.message).toBeNull();
  });

  it('delivers a poll, and any other proto.Message given raw', async () => {
    // Act
    const poll = await fromAlice({ content: { type: 'poll', question: 'Lunch?', options: ['Yes', 'No'] } });
    const raw = await fromAlice({
      content: { type: 'raw', message: { liveLocationMessage: { degreesLatitude: 1.5, degreesLongitude: 2.5 } } },
    });

    // Assess
    expect(poll.message.message?.pollCreationMessage?.name).toBe('Lunch?');
    expect(poll.message.message?.pollCreationMessage?.options?.map((option) => option.optionName)).toEqual(['Yes', 'No']);
    expect(raw.message.message?.liveLocationMessage).toMatchObject({ degreesLatitude: 1.5, degreesLongitude: 2.5 });
  });

  it('addresses a sender by LID with the phone number alongside, which Baileys maps', async () => {
    // Act
    const { message } = await fromAlice({ content: text('from my LID'), addressing: 'lid' });

    // Assess
    expect(message.key).toMatchObject({ remoteJid: aliceLid, remoteJidAlt: ALICE_JID, addressingMode: 'lid' });
    // The mapping answers the phone number's device 0; the user is what a connector keeps.
    expect(jidNormalizedUser((await socket.signalRepository.lidMapping.getPNForLID(aliceLid)) ?? undefined)).toBe(ALICE_JID);
  });

  it('addresses a sender by phone number with the LID alongside', async () => {
    // Act
    const { message } = await fromAlice({ content: text('from my number') });

    // Assess
    expect(message.key).toMatchObject({ remoteJid: ALICE_JID, remoteJidAlt: aliceLid, addressingMode: 'pn' });
  });

  it('delivers group messages from a member, by LID with the phone number alongside', async () => {
    // Act
    const first = await fromAlice({ group, content: text('hello group') });
    const second = await fromAlice({ group, content: text('again, with the same sender key') });

    // Assess
    expect(first.message.key).toMatchObject({ remoteJid: group, participant: aliceLid, participantAlt: ALICE_JID, fromMe: false });
    expect(first.message.message?.conversation).toBe('hello group');
    expect(first.message.pushName).toBe('Alice');
    expect(second.message.message?.conversation).toBe('again, with the same sender key');
  });

  it('delivers a message again when it is sent again under the same id', async () => {
    // Prepare
    const id = newMessageId();
    const first = await fromAlice({ content: text('twice') }, id);

    // Act
    const second = await fromAlice({ content: text('twice') }, id);

    // Assess
    expect(second.message.key.id).toBe(first.message.key.id);
    expect(second.message.message?.conversation).toBe('twice');
  });

  it.each([
    ['pn', 'lid'],
    ['lid', 'pn'],
  ] as const)(
    "delivers what the account's own phone sends, addressed by %s, as the client's own message",
    async (addressing, alongside) => {
      // Prepare
      const alice = { pn: ALICE_JID, lid: aliceLid };

      // Act
      const { message, type } = await delivered(socket, (id) =>
        sim().sendFromPhone(ACCOUNT, { to: ALICE, id, addressing, content: text('typed on the phone') }),
      );

      // Assess
      expect(type).toBe('notify');
      expect(message.key).toMatchObject({ fromMe: true, remoteJid: alice[addressing], remoteJidAlt: alice[alongside] });
      expect(message.message?.conversation).toBe('typed on the phone');
    },
  );
});

describe("messages for an account whose client is offline wait for its next login, as WhatsApp's servers keep them", () => {
  const { sim, clients } = useSimulator();

  beforeEach(() => {
    sim().addContact({ phone: ALICE, name: 'Alice' });
  });

  it('queues messages sent while the client is away and delivers them in order after it logs in again', async () => {
    // Prepare
    const { socket, auth } = await linkByQr(sim(), clients(), ACCOUNT);
    const closed = waitForClose(socket);
    sim().kick(ACCOUNT, 440);
    await closed;
    const order: string[] = [];

    // Act
    const first = await sim().send(ALICE, { to: ACCOUNT, content: { type: 'text', text: 'while you were away' } });
    const second = await sim().sendFromPhone(ACCOUNT, { to: ALICE, content: { type: 'text', text: 'and from your phone' } });
    const back = clients().connect(auth);
    back.ev.on('messages.upsert', ({ messages }) => order.push(...messages.map((message) => message.key.id ?? '')));
    const [waited, waitedFromPhone] = await Promise.all([upsertOf(back, first.id), upsertOf(back, second.id)]);
    const live = await delivered(back, (id) => sim().send(ALICE, { to: ACCOUNT, id, content: { type: 'text', text: 'now live' } }));

    // Assess
    expect([first.queued, second.queued]).toEqual([true, true]);
    expect(order.slice(0, 2)).toEqual([first.id, second.id]);
    expect([waited.type, waitedFromPhone.type, live.type]).toEqual(['append', 'append', 'notify']);
    expect(waited.message.message?.conversation).toBe('while you were away');
    expect(waitedFromPhone.message.key.fromMe).toBe(true);
  });

  it('queues a message sent while the server is ending the connection rather than losing it', async () => {
    // Prepare
    const { socket, auth } = await linkByQr(sim(), clients(), ACCOUNT);
    const closed = waitForClose(socket);

    // Act
    sim().kick(ACCOUNT, 440);
    const sent = await sim().send(ALICE, { to: ACCOUNT, content: { type: 'text', text: 'just as you left' } });
    await closed;
    const back = clients().connect(auth);
    const { message } = await upsertOf(back, sent.id);

    // Assess
    expect(sent.queued).toBe(true);
    expect(message.message?.conversation).toBe('just as you left');
  });
});
