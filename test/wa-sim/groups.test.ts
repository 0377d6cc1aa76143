import type { WASocket } from '@whiskeysockets/baileys';
import { beforeAll, describe, expect, it } from 'vitest';
import { linkByQr, nextEvent, useSimulator } from './harness.ts';

const ACCOUNT = '15550001111';
const MEMBERS = ['15550002222', '15550003333', '15550004444'];
const OUTSIDER = '15550005555';

const textOf = (message: { conversation?: string | null; extendedTextMessage?: { text?: string | null } | null }) =>
  message.conversation ?? message.extendedTextMessage?.text;

describe('a group of contacts', () => {
  const { sim, clients } = useSimulator('all');
  let socket: WASocket;
  let group: string;

  beforeAll(async () => {
    for (const phone of [...MEMBERS, OUTSIDER]) sim().addContact({ phone });
    ({ jid: group } = sim().addGroup({ subject: 'Hub testers', contacts: MEMBERS, accounts: [ACCOUNT] }));
    ({ socket } = await linkByQr(sim(), clients(), ACCOUNT));
  });

  it('exposes the group metadata with every member', async () => {
    // Act
    const metadata = await socket.groupMetadata(group);

    // Assess
    expect(metadata.subject).toBe('Hub testers');
    expect(metadata.participants.map((participant) => participant.phoneNumber).sort()).toEqual(
      [ACCOUNT, ...MEMBERS].map((phone) => `${phone}@s.whatsapp.net`).sort(),
    );
  });

  it('delivers a group message to each member, not to others', async () => {
    // Act
    const sent = await socket.sendMessage(group, { text: 'hello group' });
    const received = await Promise.all(MEMBERS.map((phone) => sim().waitForMessage(phone, (message) => message.id === sent?.key.id)));

    // Assess
    for (const message of received) {
      expect(message).toMatchObject({ from: `${ACCOUNT}@s.whatsapp.net`, to: group });
      expect(textOf(message.message)).toBe('hello group');
    }
    expect(sim().received(OUTSIDER)).toEqual([]);
  });

  it('reuses the sender key for the next message', async () => {
    // Act
    const sent = await socket.sendMessage(group, { text: 'second round' });
    const received = await Promise.all(MEMBERS.map((phone) => sim().waitForMessage(phone, (message) => message.id === sent?.key.id)));

    // Assess
    expect(received.map((message) => textOf(message.message))).toEqual(MEMBERS.map(() => 'second round'));
  });

  it('reports members reading as message-receipt.update', async () => {
    // Prepare
    const sent = await socket.sendMessage(group, { text: 'who read this?' });
    const id = sent?.key.id;

    // Act
    const updates = await nextEvent(socket, 'message-receipt.update', (updates) =>
      updates.some(({ key, receipt }) => key.id === id && !!receipt.readTimestamp),
    );

    // Assess
    const read = updates.find(({ key, receipt }) => key.id === id && !!receipt.readTimestamp);
    expect(read?.key.remoteJid).toBe(group);
    expect(read?.receipt.userJid).toMatch(/@lid$/);
  });
});
