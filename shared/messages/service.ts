import { createHash } from 'node:crypto';
import type { Caller } from '../auth/authenticate.ts';
import { Conflict, InvalidInput, NotFound, RateLimited, Unavailable } from '../errors.ts';
import { logger } from '../logger.ts';
import { count } from '../metrics-emitter.ts';
import { enqueueSend } from '../queues/send.ts';
import { findSessionByName } from '../sessions/repository.ts';
import { endedStatuses, type Session } from '../sessions/session.ts';
import { newMessageId } from '../ids.ts';
import { checkDeletable, checkEditable } from './changes.ts';
import type { ComposedContent, MessageContent } from './content.ts';
import type { Message } from './message.ts';
import { listedMessage, messageStory } from './message-view.ts';
import { rateLimitsFor } from './rate-limits.ts';
import { toRecipient, type Recipient } from './recipient.ts';
import { chatOf, mentionJid, messageNotFoundMessage, sessionMessage, targetOf } from './references.ts';
import { idempotencyKeyPattern, idempotencyLifetimeSeconds } from './idempotency-key.ts';
import { releaseIdempotencyClaim } from './idempotency.ts';
import { listMessages as listPage, recentMessages, type Direction } from './listing.ts';
import * as messages from './repository.ts';

export const sessionMissingMessage = 'Session does not exist';
export { messageNotFoundMessage };
export const unqueuedReason = 'could not be queued';

/** A message to send; `content` says what, without what it points at, which queueing resolves. */
export interface OutgoingMessage {
  session: string;
  to: string;
  is_group: boolean;
  content: ComposedContent;
  /** The messageId of a stored message of the session it replies to. */
  reply_to?: string;
  /** In a group: the numbers it mentions. */
  mentions?: string[];
}

/** A reaction to a stored message of the session; it goes to that message's chat. */
export interface OutgoingReaction {
  session: string;
  message_id: string;
  emoji: string;
}

/**
 * Stores the message `pending` (rate limits reserved in the same transaction) and puts it on its
 * session's send queue. The same Idempotency-Key with the same request within 24 h answers the
 * first message's id and queues nothing; with another request it is a conflict. A `reply_to` not
 * of the session is not found.
 */
export function queueMessage(caller: Caller, input: OutgoingMessage, idempotencyKey?: string): Promise<string> {
  return queue(caller, input, idempotencyKey, async (session) => {
    const { content, reply_to, mentions } = input;
    const quoted = reply_to === undefined ? undefined : targetOf(await sessionMessage(session, reply_to));
    return {
      recipient: toRecipient(input.to, input.is_group),
      content: { ...content, ...(quoted ? { quoted } : {}), ...(mentions?.length ? { mentions: mentions.map(mentionJid) } : {}) },
    };
  });
}

/** Queues a reaction as `queueMessage` does a message, to the chat of the message it reacts to (not found unless the session's). */
export function queueReaction(caller: Caller, input: OutgoingReaction, idempotencyKey?: string): Promise<string> {
  return queue(caller, input, idempotencyKey, async (session) => {
    const target = await sessionMessage(session, input.message_id);
    return { recipient: chatOf(target), content: { type: 'reaction', emoji: input.emoji, target: targetOf(target) } };
  });
}

/** A change of a message the session sent: its new text or caption (`text`), or, without one, a delete for everyone. */
export interface OutgoingChange {
  session: string;
  message_id: string;
  text?: string;
}

/**
 * Queues an edit (with `text`) or a delete for everyone of a message the session sent, to its chat,
 * as `queueMessage` does a message: it is a message of its own, with its id and status, and the
 * target changes once it is sent. A message WhatsApp would not let it change is invalid input.
 */
export function queueChange(caller: Caller, input: OutgoingChange, idempotencyKey?: string): Promise<string> {
  return queue(caller, input, idempotencyKey, async (session) => {
    const target = await sessionMessage(session, input.message_id);
    const { text } = input;
    if (text === undefined) checkDeletable(target, new Date());
    else checkEditable(target, text, new Date());
    const content: MessageContent =
      text === undefined ? { type: 'delete', target: targetOf(target) } : { type: 'edit', text, target: targetOf(target) };
    return { recipient: chatOf(target), content };
  });
}

async function queue(
  caller: Caller,
  input: { session: string },
  idempotencyKey: string | undefined,
  resolve: (session: Session) => Promise<{ recipient: Recipient; content: MessageContent }>,
): Promise<string> {
  if (idempotencyKey !== undefined && !idempotencyKeyPattern.test(idempotencyKey)) {
    throw new InvalidInput('Idempotency-Key must be 1-255 printable characters without spaces');
  }
  const session = await senderSession(caller, input.session);
  const { recipient, content } = await resolve(session);
  const now = new Date();
  const message: Message = {
    messageId: newMessageId(),
    sessionId: session.sessionId,
    sessionName: session.name,
    userId: caller.userId,
    shard: session.shard,
    ...recipient,
    content,
    status: 'pending',
    attempts: 0,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  const requestHash = createHash('sha256').update(JSON.stringify(input)).digest('base64url');
  const claim = idempotencyKey
    ? { userId: caller.userId, key: idempotencyKey, requestHash, expiresAt: Math.floor(now.getTime() / 1000) + idempotencyLifetimeSeconds }
    : undefined;

  const outcome = await messages.storeMessage(message, rateLimitsFor(session.sessionId, recipient.to), claim).catch((error: unknown) => {
    if (error instanceof RateLimited) count('messagesRateLimited');
    throw error;
  });
  if (!outcome.stored) {
    if (outcome.existing.requestHash !== requestHash) throw new Conflict('This Idempotency-Key was already used with a different request');
    return outcome.existing.messageId;
  }
  try {
    await enqueueSend(message);
  } catch (error) {
    // Never answer "queued" for a message that is not: it is failed (so it cannot go out later) and the key freed.
    logger().error('Could not enqueue a stored message; it is failed', { messageId: message.messageId, error });
    await messages.transition(message, 'failed', { failureReason: unqueuedReason });
    if (claim) await releaseIdempotencyClaim(claim.userId, claim.key, message.messageId);
    count('messagesFailed');
    throw new Unavailable('The message could not be queued and was not sent; try again', { cause: error });
  }
  return message.messageId;
}

export async function queueStatus(caller: Caller, name: string) {
  const session = await senderSession(caller, name, { allowEnded: true });
  const [stats, recent] = await Promise.all([messages.getStats(session.sessionId), recentMessages(session.sessionId, 50)]);
  return {
    session: session.name,
    stats,
    queue: recent.map(({ messageId, to, content, status, createdAt, failureReason }) => ({
      messageId,
      to,
      type: content.type,
      status,
      createdAt,
      failureReason,
    })),
  };
}

/** A page of the session's messages, newest first; `nextCursor` is null after the last page. */
export async function listMessages(caller: Caller, query: { session: string; direction: Direction; limit: number; cursor?: string }) {
  const session = await senderSession(caller, query.session, { allowEnded: true });
  const page = await listPage(session.sessionId, query);
  return { messages: page.messages.map(listedMessage), nextCursor: page.nextCursor ?? null };
}

/**
 * One message of the caller's session with its whole story. Another session's message, even one
 * of an earlier session of the same name, is not found.
 */
export async function messageStatus(caller: Caller, query: { session: string; messageId: string }) {
  const session = await senderSession(caller, query.session, { allowEnded: true });
  const message = await messages.getStoredMessage(query.messageId);
  if (!message || message.sessionId !== session.sessionId || message.userId !== caller.userId) throw new NotFound(messageNotFoundMessage);
  return messageStory(message);
}

/** The caller's session of this name to send through (a missing one is invalid input, as the seed says, not a missing resource). */
export async function senderSession(caller: Caller, name: string, options: { allowEnded?: boolean } = {}): Promise<Session> {
  const session = await findSessionByName(caller.userId, name);
  if (!session) throw new InvalidInput(sessionMissingMessage);
  if (!options.allowEnded && endedStatuses.includes(session.status)) {
    throw new InvalidInput(`Session is ${session.status.replace('_', ' ')}: link it again with POST /session/start`);
  }
  return session;
}
