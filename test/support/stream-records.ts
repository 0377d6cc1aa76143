import { randomInt } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { dynamoClient } from '../../shared/aws-clients.ts';
import { tableName } from '../../shared/db.ts';
import { newMessageId, newSessionId } from '../../shared/ids.ts';
import { keys, type Key } from '../../shared/keys.ts';
import type { ReceivedMessage } from '../../shared/messages/message.ts';
import { createSession } from '../../shared/sessions/repository.ts';
import type { Session } from '../../shared/sessions/session.ts';

/** Stream records of real item changes in DynamoDB Local, and the items the webhook events tests change. */

let sequence = 0;

/**
 * The stream record of an inbound message's insert, made without writing it: the test stack's own
 * stream reader publishes what is written, which would add its events to those a test counts.
 */
export function insertRecordOf(message: ReceivedMessage): DynamoDBRecord {
  sequence += 1;
  const key = keys.message(message.messageId);
  return {
    eventID: `record-${Date.now()}-${sequence}`,
    eventName: 'INSERT',
    dynamodb: {
      Keys: marshall(key) as never,
      NewImage: marshall({ ...key, ...message }, { removeUndefinedValues: true }) as never,
      SequenceNumber: String(sequence).padStart(21, '0'),
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
  };
}

/** The stream record a change of the item at `key` makes, from the item before (none: an insert) and after it. */
export async function recordOf(key: Key, change: () => Promise<unknown>): Promise<DynamoDBRecord> {
  const read = async () => (await dynamoClient().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }))).Item;
  const before = await read();
  await change();
  const after = await read();
  sequence += 1;
  return {
    eventID: `record-${Date.now()}-${sequence}`,
    eventName: before ? 'MODIFY' : 'INSERT',
    dynamodb: {
      Keys: marshall(key) as never,
      NewImage: after && (marshall(after, { removeUndefinedValues: true }) as never),
      OldImage: before && (marshall(before, { removeUndefinedValues: true }) as never),
      SequenceNumber: String(sequence).padStart(21, '0'),
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
  };
}

export async function newSession(userId: number): Promise<Session> {
  const now = new Date().toISOString();
  const sessionId = newSessionId();
  const session: Session = {
    sessionId,
    name: `events-${randomInt(1e9)}`,
    userId,
    phoneNumber: `+6281${randomInt(100_000_000, 999_999_999)}`,
    shard: 0,
    status: 'starting',
    method: 'qr',
    createdAt: now,
    updatedAt: now,
  };
  await createSession(session);
  return session;
}

export const ownerOf = ({ sessionId, userId, shard, name }: Session) => ({ sessionId, userId, shard, sessionName: name });

/** A text from a contact, received `ageMs` ago. */
export function receivedText(session: Session, text: string, ageMs = 0): ReceivedMessage {
  const now = new Date(Date.now() - ageMs).toISOString();
  return {
    messageId: newMessageId(),
    sessionId: session.sessionId,
    sessionName: session.name,
    userId: session.userId,
    direction: 'in',
    origin: 'contact',
    waMessageId: `WA${randomInt(1e12)}`,
    jid: '6287654321@s.whatsapp.net',
    to: session.phoneNumber.slice(1),
    isGroup: false,
    from: '+6287654321',
    type: 'text',
    text,
    history: [{ event: 'received', at: now }],
    createdAt: now,
    updatedAt: now,
    expiresAt: Math.floor(Date.now() / 1000) + 86_400,
  };
}
