import { describe, expect, it } from 'vitest';
import { config } from '../../shared/config.ts';
import { epochSeconds } from '../../shared/db.ts';
import { newMessageId, newSessionId } from '../../shared/ids.ts';
import type { ReceivedMessage } from '../../shared/messages/message.ts';
import { applyDelete, applyEdit, findByWaMessageId, retainedUntil, storeReceived } from '../../shared/messages/received.ts';
import { listMessages } from '../../shared/messages/listing.ts';
import { getStoredMessage } from '../../shared/messages/repository.ts';
import { contactName, storeContactName } from '../../shared/profile/contact-names.ts';

/** A text a contact sent, as the connector stores it. */
function receivedText(fields: Partial<ReceivedMessage> = {}): ReceivedMessage {
  const at = new Date();
  return {
    messageId: newMessageId(),
    sessionId: newSessionId(),
    userId: 7,
    direction: 'in',
    origin: 'contact',
    waMessageId: `3A${newMessageId().slice(-12)}`,
    jid: '6287654321@s.whatsapp.net',
    to: '62812345678',
    isGroup: false,
    from: '+6287654321',
    fromJid: '6287654321@s.whatsapp.net',
    type: 'text',
    text: 'halo',
    history: [{ event: 'received', at: at.toISOString() }],
    createdAt: at.toISOString(),
    updatedAt: at.toISOString(),
    expiresAt: retainedUntil(at),
    ...fields,
  };
}

describe('a received message', () => {
  it('is kept for the retention period, and found by its WhatsApp id in its own session only', async () => {
    const message = receivedText();

    expect(await storeReceived(message)).toBe(true);

    expect(message.expiresAt - epochSeconds(new Date())).toBeCloseTo(config().INBOUND_RETENTION_DAYS * 86_400, -1);
    expect(await getStoredMessage(message.messageId)).toEqual(message);
    expect(await findByWaMessageId(message.sessionId, message.waMessageId)).toEqual(message);
    expect(await findByWaMessageId(newSessionId(), message.waMessageId)).toBeUndefined();
  });

  it('is stored once however often its WhatsApp id is stored', async () => {
    const first = receivedText();

    const stores = [await storeReceived(first), await storeReceived({ ...first, messageId: newMessageId(), text: 'halo again' })];

    expect(stores).toEqual([true, false]);
    expect((await listMessages(first.sessionId, { direction: 'in', limit: 10 })).messages).toEqual([first]);
  });

  it('is neither listed nor found once its retention has ended, before DynamoDB deletes it', async () => {
    const expired = receivedText({ expiresAt: epochSeconds(new Date()) - 1 });
    await storeReceived(expired);

    expect(await getStoredMessage(expired.messageId)).toBeUndefined();
    expect((await listMessages(expired.sessionId, { direction: 'all', limit: 10 })).messages).toEqual([]);
  });

  it('takes its latest edit, whatever order edits arrive in, and none once deleted', async () => {
    const message = receivedText();
    await storeReceived(message);
    const at = (seconds: number) => new Date(Date.parse(message.createdAt) + seconds * 1_000);

    const edits = [
      await applyEdit(message, { text: 'second edit', editedAt: at(20) }),
      await applyEdit(message, { text: 'first edit', editedAt: at(10) }),
      await applyEdit(message, { text: 'second edit', editedAt: at(20) }),
    ];
    const deletes = [await applyDelete(message, at(30)), await applyDelete(message, at(40))];
    const afterDelete = await applyEdit(message, { text: 'third edit', editedAt: at(50) });

    expect(edits).toEqual([true, false, false]);
    expect(deletes).toEqual([true, false]);
    expect(afterDelete).toBe(false);
    const stored = await getStoredMessage(message.messageId);
    expect(stored).toMatchObject({ editedAt: at(20).toISOString(), deletedAt: at(30).toISOString() });
    expect(stored?.origin === 'contact' ? stored.text : 'not a received message').toBeUndefined();
    expect(stored?.history.map((entry) => ('event' in entry ? entry.event : entry.status))).toEqual(['received', 'edited', 'deleted']);
  });
});

describe('an edit', () => {
  it('to the words an earlier edit gave changes nothing, even stamped later (a repeated send of the same edit)', async () => {
    const message = receivedText();
    await storeReceived(message);
    const at = (seconds: number) => new Date(Date.parse(message.createdAt) + seconds * 1_000);

    const edits = [
      await applyEdit(message, { text: 'See you at 8', editedAt: at(10) }),
      await applyEdit(message, { text: 'See you at 8', editedAt: at(11) }),
      await applyEdit(message, { text: 'See you at 9', editedAt: at(12) }),
    ];

    expect(edits).toEqual([true, false, true]);
    const stored = await getStoredMessage(message.messageId);
    expect(stored?.history.filter((entry) => 'event' in entry && entry.event === 'edited')).toEqual([
      { event: 'edited', at: at(10).toISOString(), text: 'See you at 8' },
      { event: 'edited', at: at(12).toISOString(), text: 'See you at 9' },
    ]);
  });
});

describe("a contact's push name", () => {
  it('is written when it is new or changed, and not when it is the same', async () => {
    const sessionId = newSessionId();

    const writes = [
      await storeContactName(sessionId, '6287654321', 'Budi', new Date()),
      await storeContactName(sessionId, '6287654321', 'Budi', new Date()),
      await storeContactName(sessionId, '6287654321', 'Budi S.', new Date()),
    ];

    expect(writes).toEqual([true, false, true]);
    expect(await contactName(sessionId, '6287654321')).toBe('Budi S.');
    expect(await contactName(newSessionId(), '6287654321')).toBeUndefined();
  });
});
