import { proto, type WASocket } from '@whiskeysockets/baileys';
import { beforeEach, describe, expect, it } from 'vitest';
import { linkByQr, nextEvent, useSimulator } from './harness.ts';

const ACCOUNT = '15550001111';
const ALICE = '15550002222';
const ALICE_JID = `${ALICE}@s.whatsapp.net`;

describe('messages between a linked client and a contact', () => {
  const { sim, clients } = useSimulator();
  let socket: WASocket;

  beforeEach(async () => {
    sim().addContact({ phone: ALICE, name: 'Alice' });
    ({ socket } = await linkByQr(sim(), clients(), ACCOUNT));
  });

  it('relays a text the contact decrypts, with id, sender and recipient', async () => {
    // Prepare
    const text = 'hello from the hub';

    // Act
    const sent = await socket.sendMessage(ALICE_JID, { text });
    const received = await sim().waitForMessage(ALICE);

    // Assess
    expect(received.id).toBe(sent?.key.id);
    expect(received.from).toBe(`${ACCOUNT}@s.whatsapp.net`);
    expect(received.to).toBe(ALICE_JID);
    expect(received.message.conversation ?? received.message.extendedTextMessage?.text).toBe(text);
  });

  it('shows a message sent again under the same id once, counting the repeat', async () => {
    // Prepare
    const messageId = '3EB0REDELIVERY0000000000000001';
    await socket.sendMessage(ALICE_JID, { text: 'once' }, { messageId });
    await sim().waitForMessage(ALICE);

    // Act
    await socket.sendMessage(ALICE_JID, { text: 'once' }, { messageId });
    await socket.sendMessage(ALICE_JID, { text: 'after' });
    await sim().waitForMessage(
      ALICE,
      (message) => message.message.extendedTextMessage?.text === 'after' || message.message.conversation === 'after',
    );

    // Assess
    expect(
      sim()
        .received(ALICE)
        .map((message) => message.id)
        .filter((id) => id === messageId),
    ).toHaveLength(1);
    expect(
      sim()
        .contacts()
        .find((contact) => contact.phone === ALICE)?.duplicatesDropped,
    ).toBe(1);
  });

  it('keeps the session going for a second message', async () => {
    // Prepare
    await socket.sendMessage(ALICE_JID, { text: 'first' });
    await sim().waitForMessage(ALICE);

    // Act
    const second = await socket.sendMessage(ALICE_JID, { text: 'second' });
    const received = await sim().waitForMessage(ALICE, (message) => message.id === second?.key.id);

    // Assess
    expect(received.message.conversation ?? received.message.extendedTextMessage?.text).toBe('second');
    expect(sim().received(ALICE)).toHaveLength(2);
  });

  it('reports delivery then read receipts as messages.update', async () => {
    // Prepare
    const statuses: number[] = [];
    socket.ev.on('messages.update', (updates) => {
      for (const { update } of updates) if (typeof update.status === 'number') statuses.push(update.status);
    });
    const read = nextEvent(socket, 'messages.update', (updates) =>
      updates.some(({ update }) => update.status === proto.WebMessageInfo.Status.READ),
    );

    // Act
    const sent = await socket.sendMessage(ALICE_JID, { text: 'did you read this?' });
    const [update] = await read;

    // Assess
    expect(update?.key.id).toBe(sent?.key.id);
    expect(update?.key.remoteJid).toBe(ALICE_JID);
    expect(statuses).toEqual([proto.WebMessageInfo.Status.DELIVERY_ACK, proto.WebMessageInfo.Status.READ]);
  });

  it('sends receipts only when told to, once automatic receipts are off', async () => {
    // Prepare
    sim().setAutoReceipts(ALICE, { delivery: false, read: false });
    // Baileys folds a receipt that beats its own upsert of the sent message into that upsert.
    const upserted = nextEvent(socket, 'messages.upsert', ({ type }) => type === 'append');
    const sent = await socket.sendMessage(ALICE_JID, { text: 'quiet' });
    await Promise.all([sim().waitForMessage(ALICE), upserted]);
    const delivered = nextEvent(socket, 'messages.update', (updates) =>
      updates.some(({ update }) => update.status === proto.WebMessageInfo.Status.DELIVERY_ACK),
    );

    // Act
    sim().sendReceipt(ALICE, ACCOUNT, [sent?.key.id ?? ''], 'delivery');
    const [update] = await delivered;

    // Assess
    expect(update?.key.id).toBe(sent?.key.id);
  });

  it('delivers an inbound text from the contact as messages.upsert', async () => {
    // Prepare
    const upsert = nextEvent(socket, 'messages.upsert', ({ type }) => type === 'notify');

    // Act
    const id = await sim().sendText(ALICE, ACCOUNT, 'hi hub, Alice here');
    const { messages } = await upsert;

    // Assess
    expect(messages[0]?.key).toMatchObject({ id, remoteJid: ALICE_JID, fromMe: false });
    expect(messages[0]?.message?.conversation).toBe('hi hub, Alice here');
    expect(messages[0]?.pushName).toBe('Alice');
  });

  it('records the delivery receipt the client sends for an inbound message', async () => {
    // Prepare
    const id = await sim().sendText(ALICE, ACCOUNT, 'ping');

    // Act
    const receipt = await sim().waitForAccountReceipt(ALICE, (receipt) => receipt.messageId === id);

    // Assess
    // Baileys marks delivery receipts 'inactive' while the client is not marked online.
    expect(receipt).toEqual({ messageId: id, account: ACCOUNT, type: 'inactive' });
  });
});
