import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import type { z } from 'zod';
import { messageStory } from '../messages/message-view.ts';
import type { StoredMessage } from '../messages/message.ts';
import { toMessage } from '../messages/message-items.ts';
import type { messageUpdatedDataSchema } from '../schemas/events.ts';
import { getSession } from '../sessions/repository.ts';
import { eventIdFor } from './event-ids.ts';
import { eventExpiry } from './event-store.ts';
import type { EventType, StoredEvent } from './model.ts';

type Image = Record<string, unknown>;

/** Names a session by its internal id; the producer caches it for a batch. */
export type SessionNames = (sessionId: string) => Promise<string | undefined>;

/** The session's name, from its item: undefined once the session is gone. */
export const sessionNameOf: SessionNames = async (sessionId) => (await getSession(sessionId))?.name;

/**
 * The events one change of a table item makes: a stored received message (`message.received`), a
 * sent message's new status (`message.status`), each edit, delete for everyone or reaction a
 * change adds to a message's history (`message.updated`), a session's new status, QR or pairing
 * code (`session.status`). Other changes (a counter, a media download) make none. The stream filter
 * already passed only message and session items.
 */
export async function eventsOfRecord(record: DynamoDBRecord, sessionNames: SessionNames = sessionNameOf): Promise<StoredEvent[]> {
  const change = record.dynamodb;
  if (!change?.Keys || !record.eventID) return [];
  const newImage = image(change.NewImage);
  const oldImage = image(change.OldImage);
  if (!newImage) return [];
  const sortKey = change.Keys.sk?.S;
  if (sortKey === 'MESSAGE') return messageEvents(record.eventID, newImage, oldImage, sessionNames);
  if (sortKey === 'SESSION') return sessionEvents(record.eventID, newImage, oldImage);
  return [];
}

async function messageEvents(
  sourceId: string,
  newImage: Image,
  oldImage: Image | undefined,
  sessionNames: SessionNames,
): Promise<StoredEvent[]> {
  const message = toMessage(newImage);
  const session = message.sessionName ?? (await sessionNames(message.sessionId));
  // A message stored already edited or deleted (a backlog received offline) is news once, as received.
  if (!oldImage) {
    if (message.direction !== 'in') return [];
    return [
      event(sourceId, 'message.received', message.createdAt, message.userId, session, {
        session: session ?? null,
        ...messageStory(message),
      }),
    ];
  }
  const before = toMessage(oldImage);
  const updates = updateEvents(sourceId, before, message, session);
  if (message.origin !== 'api' || before.origin !== 'api' || before.status === message.status) return updates;
  return [event(sourceId, 'message.status', message.updatedAt, message.userId, session, statusData(message, session)), ...updates];
}

/** A `message.updated` for each edit, delete or reaction the change appended to the message's history. */
function updateEvents(sourceId: string, before: StoredMessage, message: StoredMessage, session: string | undefined): StoredEvent[] {
  return message.history.flatMap((entry, index) => {
    if (index < before.history.length || !('event' in entry) || entry.event === 'received') return [];
    const data = {
      session: session ?? null,
      messageId: message.messageId,
      direction: message.direction,
      change: entry.event,
      at: entry.at,
      ...(entry.event === 'edited' && entry.text !== undefined ? { text: entry.text } : {}),
      ...(entry.event === 'reacted' ? { emoji: entry.emoji, from: entry.from ?? null } : {}),
      message: messageStory(message),
    } satisfies z.input<typeof messageUpdatedDataSchema>;
    return [event(sourceId, 'message.updated', entry.at, message.userId, session, data, index)];
  });
}

function statusData(message: Extract<StoredMessage, { origin: 'api' }>, session: string | undefined) {
  const { messageId, to, isGroup, status, failureReason, updatedAt } = message;
  return {
    messageId,
    session: session ?? null,
    to,
    isGroup,
    status,
    ...(failureReason === undefined ? {} : { failureReason }),
    at: updatedAt,
  };
}

function sessionEvents(sourceId: string, newImage: Image, oldImage: Image | undefined): StoredEvent[] {
  const changed = (name: string) => !oldImage || oldImage[name] !== newImage[name];
  if (!changed('status') && !changed('qr') && !changed('pairingCode')) return [];
  const session = String(newImage.name);
  const status = String(newImage.status);
  // A QR or pairing code is news only while the session waits for it to be used.
  const linking = status === 'qr' || status === 'starting';
  const data = {
    session,
    status,
    qr: linking && typeof newImage.qr === 'string' ? newImage.qr : null,
    pairingCode: linking && typeof newImage.pairingCode === 'string' ? newImage.pairingCode : null,
    lastError: typeof newImage.lastError === 'string' ? newImage.lastError : null,
  };
  return [event(sourceId, 'session.status', String(newImage.updatedAt), Number(newImage.userId), session, data)];
}

function event(
  sourceId: string,
  type: EventType,
  timestamp: string,
  userId: number,
  session: string | undefined,
  data: object,
  part?: number,
): StoredEvent {
  const at = new Date(timestamp);
  return {
    id: eventIdFor(sourceId, at, part),
    type,
    timestamp: at.toISOString(),
    // A plain JSON value: what is stored and POSTed is what the receiver parses.
    data: JSON.parse(JSON.stringify(data)) as Record<string, unknown>,
    userId,
    ...(session === undefined ? {} : { session }),
    expiresAt: eventExpiry(at),
  };
}

function image(attributes: Record<string, unknown> | undefined): Image | undefined {
  return attributes && unmarshall(attributes as Record<string, AttributeValue>);
}
