import { randomInt } from 'node:crypto';
import { decodeTime } from 'ulid';
import { describe, expect, it } from 'vitest';
import { keys } from '../../shared/keys.ts';
import { storeReceived } from '../../shared/messages/received.ts';
import { transition } from '../../shared/messages/repository.ts';
import { applyConnectorUpdate, deleteSession } from '../../shared/sessions/repository.ts';
import { getStoredEvent, listEvents } from '../../shared/webhooks/event-store.ts';
import { publishRecords } from '../../shared/webhooks/publish.ts';
import { eventsOfRecord } from '../../shared/webhooks/stream-events.ts';
import { storePendingText } from '../support/messages.ts';
import { insertRecordOf, newSession, ownerOf, receivedText, recordOf } from '../support/stream-records.ts';

describe('events made from table changes', () => {
  const userId = randomInt(1e6, 1e9);

  it('makes message.received of a stored inbound message, carrying the message as GET /message/status shows it', async () => {
    const session = await newSession(userId);
    const message = receivedText(session, 'hello there');

    const [event, ...more] = await eventsOfRecord(await recordOf(keys.message(message.messageId), () => storeReceived(message)));

    expect(more).toEqual([]);
    expect(event).toMatchObject({
      type: 'message.received',
      userId,
      session: session.name,
      timestamp: message.createdAt,
      data: { session: session.name, messageId: message.messageId, direction: 'in', from: '+6287654321', text: 'hello there' },
    });
    expect(event!.data.history).toEqual([{ event: 'received', at: message.createdAt }]);
    expect(event!.id).toMatch(/^evt_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(decodeTime(event!.id.slice(4))).toBe(Date.parse(message.createdAt));
  });

  it('makes message.status of each status a sent message reaches, with the reason of a failure, and nothing when only its history grows', async () => {
    const session = await newSession(userId);
    const message = await storePendingText(ownerOf(session), '6281234567', 'to be sent');
    const key = keys.message(message.messageId);

    const processing = await eventsOfRecord(await recordOf(key, () => transition(message, 'processing', { attempts: 1 })));
    const failed = await eventsOfRecord(
      await recordOf(key, () =>
        transition({ ...message, status: 'processing' }, 'failed', { failureReason: 'recipient is not on WhatsApp' }),
      ),
    );

    expect(processing.map((event) => event.data)).toEqual([
      expect.objectContaining({ messageId: message.messageId, to: '6281234567', status: 'processing', isGroup: false }),
    ]);
    expect(failed.map((event) => [event.type, event.data.status, event.data.failureReason])).toEqual([
      ['message.status', 'failed', 'recipient is not on WhatsApp'],
    ]);
  });

  it('names the session of a message event even after the session is gone', async () => {
    const session = await newSession(userId);
    const message = await storePendingText(ownerOf(session), '6281234567', 'orphaned');
    await deleteSession(session);

    const [event] = await eventsOfRecord(
      await recordOf(keys.message(message.messageId), () => transition(message, 'failed', { failureReason: 'session was logged out' })),
    );

    expect(event).toMatchObject({ session: session.name, data: { session: session.name, status: 'failed' } });
  });

  it('makes session.status of a new status and of each new QR, and nothing for a write that changes neither', async () => {
    const session = await newSession(userId);
    const key = keys.session(session.sessionId);
    const at = () => new Date().toISOString();

    const qr = await eventsOfRecord(
      await recordOf(key, () => applyConnectorUpdate(session.sessionId, 1, { status: 'qr', qr: 'QR-1' }, at())),
    );
    const sameAgain = await eventsOfRecord(await recordOf(key, () => applyConnectorUpdate(session.sessionId, 1, { status: 'qr' }, at())));
    const connected = await eventsOfRecord(
      await recordOf(key, () => applyConnectorUpdate(session.sessionId, 1, { status: 'connected' }, at())),
    );

    expect(qr.map((event) => event.data)).toEqual([
      { session: session.name, status: 'qr', qr: 'QR-1', pairingCode: null, lastError: null },
    ]);
    expect(sameAgain).toEqual([]);
    expect(connected.map((event) => event.data)).toEqual([
      { session: session.name, status: 'connected', qr: null, pairingCode: null, lastError: null },
    ]);
  });

  it('stores each event once under the same id when its stream record is published again, and lists them oldest first', async () => {
    const tenant = randomInt(1e9, 2e9);
    const session = await newSession(tenant);
    // Events of the same millisecond have no order between them.
    const first = receivedText(session, 'one', 10);
    const second = receivedText(session, 'two');
    const records = [insertRecordOf(first), insertRecordOf(second)];

    expect(await publishRecords(records)).toBeUndefined();
    expect(await publishRecords(records)).toBeUndefined();
    // The session's own events (its creation) come through the test stack's stream reader.
    const received = { type: 'message.received' } as const;
    const listed = await listEvents(tenant, { limit: 10, ...received });
    const onePerPage = await listEvents(tenant, { limit: 1, ...received });
    const next = await listEvents(tenant, { limit: 1, cursor: onePerPage.nextCursor!, ...received });
    const [firstEvent] = await eventsOfRecord(records[0]!);

    expect(listed.events.map((event) => event.data.text)).toEqual(['one', 'two']);
    expect(listed.nextCursor).toBeNull();
    expect([...onePerPage.events, ...next.events].map((event) => event.data.text)).toEqual(['one', 'two']);
    expect(await getStoredEvent(tenant, firstEvent!.id)).toMatchObject({ id: firstEvent!.id, type: 'message.received' });
    expect(await listEvents(tenant, { limit: 10, type: 'message.status' })).toEqual({ events: [], nextCursor: null });
    expect(await listEvents(tenant, { limit: 10, session: 'another-session' })).toEqual({ events: [], nextCursor: null });
    expect((await listEvents(tenant, { limit: 10, since: new Date(Date.now() + 60_000) })).events).toEqual([]);
  });

  it('refuses another tenant’s cursor', async () => {
    const tenant = randomInt(2e9, 3e9);
    const session = await newSession(tenant);
    for (const text of ['a', 'b']) {
      const message = receivedText(session, text);
      await publishRecords([insertRecordOf(message)]);
    }
    const { nextCursor } = await listEvents(tenant, { limit: 1, type: 'message.received' });

    await expect(listEvents(tenant + 1, { limit: 1, cursor: nextCursor! })).rejects.toThrow('cursor is not valid');
  });
});
