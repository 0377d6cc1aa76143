import { randomInt } from 'node:crypto';
import { decodeTime } from 'ulid';
import { describe, expect, it } from 'vitest';
import { keys } from '../../shared/keys.ts';
import { addReaction, applyDelete, applyEdit, storeReceived } from '../../shared/messages/received.ts';
import { transition } from '../../shared/messages/repository.ts';
import { messageUpdatedDataSchema } from '../../shared/schemas/events.ts';
import { listEvents } from '../../shared/webhooks/event-store.ts';
import type { StoredEvent } from '../../shared/webhooks/model.ts';
import { eventsOfRecord } from '../../shared/webhooks/stream-events.ts';
import { storePendingText } from '../support/messages.ts';
import { pollUntil } from '../support/poll.ts';
import { newSession, ownerOf, receivedText, recordOf } from '../support/stream-records.ts';

/** The events the change of the message makes, from the stream record of its real write. */
const eventsOfChange = async (messageId: string, change: () => Promise<unknown>) =>
  eventsOfRecord(await recordOf(keys.message(messageId), change));

/** The data of `message.updated` events, checked against the documented schema (nothing more, nothing less). */
function updates(events: StoredEvent[]) {
  expect(events.map((event) => event.type)).toEqual(events.map(() => 'message.updated'));
  return events.map((event) => {
    expect(messageUpdatedDataSchema.parse(event.data)).toEqual(event.data);
    return event.data;
  });
}

describe('message.updated events made from table changes', () => {
  const userId = randomInt(1e6, 1e9);

  it('makes message.updated of a contact’s edit, reaction and delete, each with the change and the message as it is now', async () => {
    // Prepare
    const session = await newSession(userId);
    const message = receivedText(session, 'helo wrold');
    const received = await eventsOfChange(message.messageId, () => storeReceived(message));
    const [editedAt, reactedAt, deletedAt] = [1, 2, 3].map((seconds) => new Date(Date.now() + seconds * 1_000));

    // Act
    const edited = await eventsOfChange(message.messageId, () => applyEdit(message, { text: 'hello world', editedAt: editedAt! }));
    const reacted = await eventsOfChange(message.messageId, () =>
      addReaction(message, { waMessageId: `WA${randomInt(1e12)}`, emoji: '👍', from: '+6287654321', at: reactedAt! }),
    );
    const ownReaction = await eventsOfChange(message.messageId, () =>
      addReaction(message, { waMessageId: `WA${randomInt(1e12)}`, emoji: '❤️', at: reactedAt! }),
    );
    const deleted = await eventsOfChange(message.messageId, () => applyDelete(message, deletedAt!));
    const editedAgain = await eventsOfChange(message.messageId, () =>
      applyEdit(message, { text: 'too late', editedAt: new Date(Date.now() + 4_000) }),
    );

    // Assess
    expect(received.map((event) => event.type)).toEqual(['message.received']);
    const [edit] = updates(edited);
    expect(edited[0]).toMatchObject({ userId, session: session.name, timestamp: editedAt!.toISOString() });
    expect(decodeTime(edited[0]!.id.slice(4))).toBe(editedAt!.getTime());
    expect(edit).toMatchObject({
      session: session.name,
      messageId: message.messageId,
      direction: 'in',
      change: 'edited',
      at: editedAt!.toISOString(),
      text: 'hello world',
      message: { messageId: message.messageId, text: 'hello world', editedAt: editedAt!.toISOString(), from: '+6287654321' },
    });
    expect(edit!.emoji).toBeUndefined();
    expect(updates(reacted)).toEqual([
      expect.objectContaining({ change: 'reacted', emoji: '👍', from: '+6287654321', at: reactedAt!.toISOString() }),
    ]);
    expect(updates(ownReaction)).toEqual([expect.objectContaining({ change: 'reacted', emoji: '❤️', from: null })]);
    expect(updates(ownReaction)[0]!.message).toMatchObject({
      reactions: [
        { emoji: '👍', from: '+6287654321' },
        { emoji: '❤️', from: null },
      ],
    });
    const [deletion] = updates(deleted);
    expect(deletion).toMatchObject({ change: 'deleted', at: deletedAt!.toISOString(), message: { deletedAt: deletedAt!.toISOString() } });
    expect(deletion!.message).not.toHaveProperty('text');
    expect(deletion!.message).toMatchObject({ history: expect.arrayContaining([{ event: 'deleted', at: deletedAt!.toISOString() }]) });
    expect(editedAgain).toEqual([]);
  });

  it('makes message.updated of an edit of a sent message, and no message.status when its status stays', async () => {
    // Prepare
    const session = await newSession(userId);
    const message = await storePendingText(ownerOf(session), '6281234567', 'See you at 7');
    await transition(message, 'processing', { attempts: 1 });
    const sent = await eventsOfChange(message.messageId, () =>
      transition({ ...message, status: 'processing' }, 'completed', { sentAt: new Date().toISOString() }),
    );

    // Act
    const events = await eventsOfChange(message.messageId, () => applyEdit(message, { text: 'See you at 8', editedAt: new Date() }));

    // Assess
    expect(sent.map((event) => [event.type, event.data.status])).toEqual([['message.status', 'completed']]);
    expect(updates(events)).toEqual([
      expect.objectContaining({
        messageId: message.messageId,
        direction: 'out',
        change: 'edited',
        text: 'See you at 8',
        message: expect.objectContaining({ origin: 'api', status: 'completed', text: 'See you at 8' }),
      }),
    ]);
  });

  it('makes only message.received of a message stored already edited and deleted, as a backlog received offline is', async () => {
    // Prepare
    const session = await newSession(userId);
    const message = receivedText(session, 'gone before we saw it', 5_000);
    const [editedAt, deletedAt] = [new Date(Date.now() - 4_000).toISOString(), new Date(Date.now() - 3_000).toISOString()];

    // Act
    const events = await eventsOfChange(message.messageId, () =>
      storeReceived({
        ...message,
        // Deleted for everyone: its content is gone.
        text: undefined,
        editedAt,
        deletedAt,
        history: [...message.history, { event: 'edited', at: editedAt, text: 'gone' }, { event: 'deleted', at: deletedAt }],
      }),
    );

    // Assess
    expect(events.map((event) => event.type)).toEqual(['message.received']);
  });

  it('makes one event of each entry a change appends, under ids that a replay of its record makes again', async () => {
    // Prepare
    const session = await newSession(userId);
    const message = receivedText(session, 'two at once');
    await storeReceived(message);
    const [editedAt, reactedAt] = [new Date(Date.now() + 1_000), new Date(Date.now() + 2_000)];

    // Act: one record spans both writes, as if the stream had merged them
    const record = await recordOf(keys.message(message.messageId), async () => {
      await applyEdit(message, { text: 'two at once!', editedAt });
      await addReaction(message, { waMessageId: `WA${randomInt(1e12)}`, emoji: '🎉', from: '+6287654321', at: reactedAt });
    });
    const first = await eventsOfRecord(record);
    const replayed = await eventsOfRecord(record);

    // Assess
    expect(updates(first).map((data) => [data.change, data.at])).toEqual([
      ['edited', editedAt.toISOString()],
      ['reacted', reactedAt.toISOString()],
    ]);
    expect(first.map((event) => decodeTime(event.id.slice(4)))).toEqual([editedAt.getTime(), reactedAt.getTime()]);
    expect(new Set(first.map((event) => event.id)).size).toBe(2);
    expect(replayed.map((event) => event.id)).toEqual(first.map((event) => event.id));
  });

  it('lists message.updated by type once the test stack’s stream reader has published a real edit', async () => {
    // Prepare
    const tenant = randomInt(3e9, 4e9);
    const session = await newSession(tenant);
    const message = receivedText(session, 'read me');
    await storeReceived(message);

    // Act
    await applyEdit(message, { text: 'read me again', editedAt: new Date() });
    const listed = await pollUntil(
      () => listEvents(tenant, { limit: 10, type: 'message.updated' }),
      (page) => page.events.length > 0,
      { timeoutMs: 10_000, failure: (page) => `no message.updated listed: ${JSON.stringify(page)}` },
    );

    // Assess
    expect(listed.events.map((event) => [event.type, event.data.messageId, event.data.text])).toEqual([
      ['message.updated', message.messageId, 'read me again'],
    ]);
  });
});
