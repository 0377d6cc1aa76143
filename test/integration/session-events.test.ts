import { proto, type WASocket } from '@whiskeysockets/baileys';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionEvent } from '../../connector/sessions/session-events.ts';
import { WhatsAppSession } from '../../connector/sessions/whatsapp-session.ts';
import { pollUntil } from '../support/poll.ts';
import { useSimulator } from '../wa-sim/harness.ts';
import { createMemoryAuthState } from '../wa-sim/memory-auth-state.ts';

const account = '15550001111';
const alice = '15550002222';
const aliceJid = `${alice}@s.whatsapp.net`;

describe('a WhatsApp session over the real Baileys client', () => {
  const { sim, clients } = useSimulator();
  let session: WhatsAppSession<WASocket> | undefined;

  afterEach(() => session?.release());

  /** A session linked by QR through the simulator, with every event it emitted. */
  async function linkedSession() {
    const contact = sim().addContact({ phone: alice, name: 'Alice' });
    const events: SessionEvent[] = [];
    const state = createMemoryAuthState();
    session = new WhatsAppSession(
      { sessionId: 'ses_01J0000000000000000000000A', phoneNumber: `+${account}`, method: 'qr' },
      {
        openSocket: (auth) => clients().connect(auth),
        loadAuthState: async () => ({ state, saveCreds: async () => undefined, close: async () => undefined }),
        deleteAuthState: async () => undefined,
        emit: async (event) => {
          events.push(event);
          return true;
        },
        remove: async () => undefined,
        settings: { maxAttempts: 1, baseDelayMs: 1_000, maxDelayMs: 1_000 },
      },
    );
    await session.start();
    const qr = await pollUntil(
      () => events.flatMap((event) => (event.kind === 'session-state' && event.update.qr ? [event.update.qr] : []))[0],
      Boolean,
    );
    await sim().scanQr(qr!, account);
    await pollUntil(() => session!.connected, Boolean);
    return { session, events, contact };
  }

  const eventsOf = <K extends SessionEvent['kind']>(events: SessionEvent[], kind: K) =>
    events.filter((event): event is Extract<SessionEvent, { kind: K }> => event.kind === kind);

  it('passes on a contact’s text as a message event, and learns the contact’s push name and LID', async () => {
    const { events, contact } = await linkedSession();

    const id = await sim().sendText(alice, account, 'hi hub, Alice here');
    const [message] = await pollUntil(
      () => eventsOf(events, 'message'),
      (found) => found.length > 0,
      { timeoutMs: 5_000 },
    );

    expect(message?.upsertType).toBe('notify');
    expect(message?.message.key).toMatchObject({ id, remoteJid: aliceJid, fromMe: false });
    expect(message?.message.message?.conversation).toBe('hi hub, Alice here');
    expect(eventsOf(events, 'contact-name')).toContainEqual({
      kind: 'contact-name',
      jid: aliceJid,
      pushName: 'Alice',
      lid: contact.lid,
      phoneJid: aliceJid,
    });
  });

  it('reports a contact’s edit and delete-for-everyone with the WhatsApp id of the message they change', async () => {
    const { events } = await linkedSession();
    const target = { remoteJid: `${account}@s.whatsapp.net`, fromMe: true };
    const editedId = await sim().sendText(alice, account, 'helo');
    const revokedId = await sim().sendText(alice, account, 'oops');

    await sim().sendMessage(alice, account, {
      protocolMessage: {
        type: proto.Message.ProtocolMessage.Type.MESSAGE_EDIT,
        key: { ...target, id: editedId },
        editedMessage: { conversation: 'hello' },
      },
    });
    await sim().sendMessage(alice, account, {
      protocolMessage: { type: proto.Message.ProtocolMessage.Type.REVOKE, key: { ...target, id: revokedId } },
    });
    await pollUntil(
      () => eventsOf(events, 'message-revoked'),
      (found) => found.length > 0,
      { timeoutMs: 5_000 },
    );

    expect(eventsOf(events, 'message-edited')).toEqual([
      expect.objectContaining({ waMessageId: editedId, content: expect.objectContaining({ conversation: 'hello' }) }),
    ]);
    expect(eventsOf(events, 'message-revoked')).toEqual([expect.objectContaining({ waMessageId: revokedId })]);
  });

  it('passes on the delivery and read receipts of a message it sent', async () => {
    const { session, events } = await linkedSession();

    const sent = await session.socket!.sendMessage(aliceJid, { text: 'hello Alice' });
    await pollUntil(
      () => eventsOf(events, 'receipt'),
      (found) => found.length >= 2,
      { timeoutMs: 5_000 },
    );

    expect(eventsOf(events, 'receipt')).toEqual([
      { kind: 'receipt', waMessageId: sent!.key.id, receipt: 'delivered' },
      { kind: 'receipt', waMessageId: sent!.key.id, receipt: 'read' },
    ]);
  });
});
