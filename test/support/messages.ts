import { expect } from 'vitest';
import { newMessageId, newSessionId } from '../../shared/ids.ts';
import { asStored, type Message } from '../../shared/messages/message.ts';
import { storeMessage } from '../../shared/messages/repository.ts';
import { getSession } from '../../shared/sessions/repository.ts';
import { api } from './http.ts';
import { addContact, linkSession } from './sim.ts';
import { registerUser } from './users.ts';

/** A text stored `pending` as the API stores it (created `ageMs` ago), but not queued; `sessionId` is the session's internal id. */
export async function storeTextMessage(sessionId: string, to: string, text: string, ageMs = 0): Promise<Message> {
  const { userId, shard } = (await getSession(sessionId))!;
  return storePendingText({ sessionId, userId, shard }, to, text, ageMs);
}

/** The same for a session given by its internal id, owner and shard, stored or not. */
export async function storePendingText(
  session: Pick<Message, 'sessionId' | 'userId' | 'shard' | 'sessionName'>,
  to: string,
  text: string,
  ageMs = 0,
): Promise<Message> {
  const createdAt = new Date(Date.now() - ageMs).toISOString();
  const message = pendingText({ ...session, to, jid: `${to}@s.whatsapp.net`, text, createdAt, updatedAt: createdAt });
  expect(await storeMessage(message, [])).toEqual({ stored: true });
  return asStored(message);
}

/** A text message as the API makes it, `pending` and not stored: `fields` override what matters to a test, `text` its text. */
export function pendingText({ text = 'hi', ...fields }: Partial<Message> & { text?: string } = {}): Message {
  const now = new Date().toISOString();
  return {
    messageId: newMessageId(),
    sessionId: newSessionId(),
    userId: 1,
    shard: 0,
    content: { type: 'text', text },
    to: '6287654321',
    jid: '6287654321@s.whatsapp.net',
    isGroup: false,
    status: 'pending',
    attempts: 0,
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
}

/** The id of a text another tenant sent through its own linked session: what no other tenant may point at. */
export async function anotherTenantsMessage(): Promise<string> {
  const other = await registerUser();
  const session = (await linkSession(other.apiKey)).sessionId;
  const sent = await api('/message/send-text', {
    body: { session, to: await addContact(), text: 'mine' },
    headers: { 'x-api-key': other.apiKey },
  });
  expect(sent.status).toBe(200);
  return sent.body.messageId as string;
}
