import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoClient } from '../../shared/aws-clients.ts';
import { tableName } from '../../shared/db.ts';
import { newSessionId } from '../../shared/ids.ts';
import { keys } from '../../shared/keys.ts';
import { acquireLease, listLeases } from '../../shared/leases/repository.ts';
import { recentMessages } from '../../shared/messages/listing.ts';
import { getMessage, stalePendingMessages } from '../../shared/messages/repository.ts';
import { createSession, findSessionByName, getSession, listSessionsOfShard, listSessionsOfUser } from '../../shared/sessions/repository.ts';
import type { Session } from '../../shared/sessions/session.ts';
import { createUser, findUserByEmail, getUser, listUsers } from '../../shared/users/repository.ts';
import type { User } from '../../shared/users/user.ts';
import { startIsolatedStack, type IsolatedStack } from '../support/isolated-stack.ts';
import { storePendingText } from '../support/messages.ts';

// A table of its own: the listings below hold exactly what this file stored, and no connector
// takes the leases written here.
describe('what the repositories answer', () => {
  let stack: IsolatedStack;
  beforeAll(async () => {
    stack = await startIsolatedStack({ shardCount: 2 });
  });
  afterAll(() => stack?.stop());

  it('is the message as stored, without its storage keys, however it is read', async () => {
    const message = await storePendingText({ sessionId: newSessionId(), userId: 3, shard: 1 }, '6281234567', 'hello');

    expect(await getMessage(message.messageId)).toEqual(message);
    expect(await recentMessages(message.sessionId, 5)).toEqual([message]);
    expect(await stalePendingMessages(1, new Date(Date.now() + 60_000).toISOString())).toEqual([message]);
  });

  it('reads a message stored before messages had a content as the content it had', async () => {
    const stored = await storePendingText({ sessionId: newSessionId(), userId: 3, shard: 1 }, '6281234567', 'hello');
    const item = (await dynamoClient().send(new GetCommand({ TableName: tableName(), Key: keys.message(stored.messageId) }))).Item!;
    delete item.content;
    const legacy = { ...item, type: 'document', text: 'the report', mediaUrl: 'https://example.com/r.pdf', documentName: 'r.pdf' };
    await dynamoClient().send(new PutCommand({ TableName: tableName(), Item: legacy }));

    expect((await getMessage(stored.messageId))?.content).toEqual({
      type: 'document',
      media: { url: 'https://example.com/r.pdf' },
      fileName: 'r.pdf',
      caption: 'the report',
    });
  });

  it('is the shard lease as taken, without its storage keys', async () => {
    const now = Date.now();
    const lease = await acquireLease(0, 'task-keys', 10_000, now);

    expect(lease).toEqual({ shard: 0, owner: 'task-keys', fence: 1, leaseExpiresAtMs: now + 10_000 });
    expect(await listLeases()).toEqual([lease]);
  });

  it('is the session and the user as created, without their storage keys', async () => {
    const now = new Date().toISOString();
    const user: User = {
      id: 41,
      email: `keys-${randomUUID()}@example.com`,
      role: 'user',
      passwordHash: 'hash',
      tokenVersion: 0,
      apiKeyHmac: `hmac-${randomUUID()}`,
      apiKeyCiphertext: 'sealed',
      createdAt: now,
      updatedAt: now,
    };
    const session: Session = {
      sessionId: newSessionId(),
      name: 'main',
      userId: user.id,
      phoneNumber: '+6281234567',
      shard: 1,
      status: 'starting',
      method: 'qr',
      createdAt: now,
      updatedAt: now,
    };
    await createUser(user);
    await createSession(session);

    expect(await getUser(user.id)).toEqual(user);
    expect(await findUserByEmail(user.email)).toEqual(user);
    expect((await listUsers({ limit: 10 })).users).toEqual([user]);
    expect(await getSession(session.sessionId)).toEqual(session);
    expect(await findSessionByName(user.id, 'main')).toEqual(session);
    expect(await listSessionsOfUser(user.id)).toEqual([session]);
    expect(await listSessionsOfShard(1)).toEqual([session]);
  });
});
