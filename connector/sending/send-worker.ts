import type { WAMessage, WASocket } from '@whiskeysockets/baileys';
import { logger } from '../../shared/logger.ts';
import { count } from '../../shared/metrics-emitter.ts';
import { waMessageIdOf } from '../../shared/ids.ts';
import type { Message, MessageStatus, SentMessage } from '../../shared/messages/message.ts';
import { sendMessageSchema, type QueuedContent, type SendQueueMessage } from '../../shared/queues/send.ts';
import { endedStatuses, type Session } from '../../shared/sessions/session.ts';
import { KeyedTurns } from '../keyed-turns.ts';
import { MediaFetchError } from '../media/safe-fetch.ts';
import { messageContent } from './content.ts';
import { Pacer } from './pacer.ts';
import { targetChangeOf, type TargetChange } from './target-change.ts';

/** What sending uses of a Baileys socket. */
export type MessageSocket = Pick<WASocket, 'sendMessage' | 'onWhatsApp'>;

/** The session a message would go out through: its internal id, its owner and its open socket. */
export interface Sender {
  sessionId: string;
  userId: number;
  socket: MessageSocket;
}

/** What sending needs: the queued content, and the status and attempts the transitions start from. */
export type SendableMessage = QueuedContent & Pick<Message, 'messageId' | 'sessionId' | 'userId' | 'status' | 'attempts'>;

type MessageFields = Partial<Pick<Message, 'failureReason' | 'sentAt' | 'attempts'> & Pick<SentMessage, 'media'>>;

/** What sending reads and writes of the table: the repositories, wired in by connector.ts. */
export interface SendStore {
  getMessage(messageId: string): Promise<SendableMessage | undefined>;
  /** Moves the message if it is still in the status given, of its session and owner; false if it had moved on. */
  transition(message: SendableMessage, to: 'processing' | 'completed' | 'failed', fields: MessageFields): Promise<boolean>;
  /** Moves the message from whatever status it is in now, if that may move to `to`. */
  advance(messageId: string, to: 'failed', fields: MessageFields): Promise<boolean>;
  getSession(sessionId: string): Promise<Pick<Session, 'status'> | undefined>;
  /** Edits or deletes the target of a sent edit or delete: conditional, so a second time (or WhatsApp's echo of it) changes nothing. */
  changeTarget(change: TargetChange): Promise<void>;
}

export interface SendWorkerOptions {
  store: SendStore;
  /** Resolves with the session's sender once its socket is open, or undefined if it does not connect in time. */
  waitForSender(sessionId: string, timeoutMs: number, signal: AbortSignal): Promise<Sender | undefined>;
  minGapMs: number;
  jitterMs: number;
  waitForConnectionMs: number;
  maxAttempts: number;
  mediaAllowHosts: string[];
}

/** Statuses a message may still be sent from (processing: an attempt that did not finish). */
const sendableStatuses: MessageStatus[] = ['pending', 'processing'];

/** Numbers remembered as on WhatsApp, across sessions. */
const onWhatsAppCacheSize = 10_000;

/** A failure that ends the message for good (it is marked failed, not retried). */
class Undeliverable extends Error {}

/**
 * Sends queued messages: one session's messages one at a time and in order, paced; sessions never
 * wait for each other. A message is sent under a WhatsApp id derived from its own id, moved
 * processing → completed (or failed, with a reason) by conditional writes, and only then
 * acknowledged; anything else throws so the queue delivers it again.
 */
export class SendWorker {
  readonly #options: SendWorkerOptions;
  readonly #store: SendStore;
  readonly #pacer: Pacer;
  readonly #sessionTurns = new KeyedTurns<string>();
  /** `session|jid` of numbers found on WhatsApp, oldest first. */
  readonly #onWhatsApp = new Set<string>();

  constructor(options: SendWorkerOptions) {
    this.#options = options;
    this.#store = options.store;
    this.#pacer = new Pacer(options.minGapMs, options.jitterMs);
  }

  handle(body: string, signal: AbortSignal): Promise<void> {
    const queued = sendMessageSchema.parse(JSON.parse(body));
    return this.#sessionTurns.run(queued.sessionId, () => this.#send(queued, signal));
  }

  async #send(queued: SendQueueMessage, signal: AbortSignal): Promise<void> {
    signal.throwIfAborted();
    const { messageId, sessionId, userId } = queued;
    // A queued copy is the message as enqueued, pending; if it has moved on since, #claim finds out.
    const message: SendableMessage | undefined = queued.content
      ? { ...queued.content, messageId, sessionId, userId, status: 'pending', attempts: 0 }
      : await this.#store.getMessage(messageId);
    if (!message || !sendableStatuses.includes(message.status)) return;
    const sender = await this.#connectedSender(message, signal);
    if (!sender) return;
    // Nothing goes out through a session but its own messages (same internal id, same owner); the
    // claim below checks the stored message too. A stray copy is dropped, the message left as it is.
    if (sender.sessionId !== sessionId || sender.userId !== userId || message.sessionId !== sessionId || message.userId !== userId) {
      logger().error('Refused to send a message through a session it does not belong to', {
        messageId,
        sessionId,
        userId,
        senderUserId: sender.userId,
      });
      return;
    }
    const { socket } = sender;
    await this.#pacer.wait(sessionId, signal);
    const processing = await this.#claim(message);
    if (!processing) return;

    try {
      if (!processing.isGroup && !(await this.#isOnWhatsApp(socket, processing))) throw new Undeliverable('recipient is not on WhatsApp');
      // Media streams from its URL into the send (content.ts): a refused download surfaces from either step.
      const { media, change } = await messageContent(processing.content, processing, this.#options.mediaAllowHosts)
        .then(async ({ content, media, quoted }) => {
          let sent: WAMessage | undefined;
          const waMessageId = waMessageIdOf(messageId);
          try {
            const options = { messageId: waMessageId, ...(quoted ? { quoted } : {}) };
            sent = await socket.sendMessage(processing.jid, content, options);
          } catch (error) {
            media?.discard();
            throw error;
          }
          return { media: await media?.kept, change: targetChangeOf(processing.content, { sessionId, waMessageId }, sent) };
        })
        .catch((error: unknown) => {
          throw error instanceof MediaFetchError ? new Undeliverable(error.reason) : error;
        });
      this.#pacer.sent(sessionId);
      // Before the edit or delete is completed: should this fail, the redelivery sends it again and stores it then.
      if (change) await this.#store.changeTarget(change);
      await this.#store.transition(processing, 'completed', { sentAt: new Date().toISOString(), ...(media ? { media } : {}) });
      count('messagesSent');
    } catch (error) {
      if (error instanceof Undeliverable || processing.attempts >= this.#options.maxAttempts) {
        const reason = error instanceof Undeliverable ? error.message : `WhatsApp did not take the message: ${(error as Error).message}`;
        await this.#store.transition(processing, 'failed', { failureReason: reason });
        count('messagesFailed');
        logger().info('Message failed', { messageId, reason });
        return;
      }
      throw error;
    }
  }

  /**
   * Moves the message to processing and counts the attempt, by one conditional write. When the
   * status it assumed is stale (a redelivery: the queued copy says pending), the stored message is
   * read and the move tried once more from there. Answers undefined if it has already moved on.
   */
  async #claim(message: SendableMessage): Promise<SendableMessage | undefined> {
    const claimFrom = async (from: SendableMessage): Promise<SendableMessage | undefined> => {
      const attempts = from.attempts + 1;
      return (await this.#store.transition(from, 'processing', { attempts })) ? { ...from, status: 'processing', attempts } : undefined;
    };
    const claimed = await claimFrom(message);
    if (claimed) return claimed;
    const stored = await this.#store.getMessage(message.messageId);
    const same = stored?.sessionId === message.sessionId && stored.userId === message.userId;
    return stored && same && sendableStatuses.includes(stored.status) ? claimFrom(stored) : undefined;
  }

  /**
   * The session's sender with its open socket. Only when there is none is the session read: an
   * ended or deleted one fails the message (undefined); otherwise the message waits for the
   * connection, and throws to be retried later.
   */
  async #connectedSender(message: SendableMessage, signal: AbortSignal): Promise<Sender | undefined> {
    const open = await this.#options.waitForSender(message.sessionId, 0, signal);
    if (open) return open;
    const session = await this.#store.getSession(message.sessionId);
    if (!session || endedStatuses.includes(session.status)) {
      // From its stored status: a redelivered message may be processing, not pending as queued.
      await this.#store.advance(message.messageId, 'failed', {
        failureReason: session ? `session is ${session.status.replace('_', ' ')}` : 'session was deleted',
      });
      count('messagesFailed');
      return undefined;
    }
    const sender = await this.#options.waitForSender(message.sessionId, this.#options.waitForConnectionMs, signal);
    if (!sender) throw new Error(`session ${message.sessionId} is not connected; the message waits`);
    return sender;
  }

  /**
   * A number found on WhatsApp is remembered per session: it is unlikely to leave mid-run. One not
   * found is asked again next time, as it may join. The oldest are forgotten past a bound.
   */
  async #isOnWhatsApp(socket: MessageSocket, message: SendableMessage): Promise<boolean> {
    const key = `${message.sessionId}|${message.jid}`;
    if (this.#onWhatsApp.has(key)) return true;
    const [result] = (await socket.onWhatsApp(message.jid)) ?? [];
    if (!result?.exists) return false;
    this.#onWhatsApp.add(key);
    if (this.#onWhatsApp.size > onWhatsAppCacheSize) this.#onWhatsApp.delete(this.#onWhatsApp.values().next().value!);
    return true;
  }
}
