import { hasMedia, wordsOf } from './content.ts';
import { reactionsOf, type ReceivedMessage, type SentMessage, type StoredMessage } from './message.ts';

/** A message with its whole story, as `GET /message/status` shows it and a `message.received` event carries it. */
export function messageStory(message: StoredMessage) {
  const { history, waMessageId } = message;
  const sending = message.origin === 'api' ? { attempts: message.attempts, failureReason: message.failureReason } : {};
  return { ...listedMessage(message), history, waMessageId, ...sending };
}

/** What the API shows of a message: what it is, who it is from, what became of it. */
export function listedMessage(message: StoredMessage) {
  const { messageId, direction, origin, to, isGroup, history, editedAt, deletedAt, createdAt } = message;
  const { type, text } = message.origin === 'api' ? { type: message.content.type, text: sentWords(message) } : message;
  const reactions = reactionsOf(history);
  return {
    messageId,
    direction,
    origin,
    to,
    isGroup,
    type,
    ...(type === 'text' ? { text } : { caption: text }),
    ...(message.origin === 'api' ? sent(message) : received(message)),
    ...(reactions.length ? { reactions } : {}),
    editedAt,
    deletedAt,
    createdAt,
  };
}

/** The sender of a message sent through the API is the session itself; its media is the URL it was fetched from, and what was sent. */
function sent({ content, media, deletedAt, status }: SentMessage) {
  const shown = hasMedia(content) && deletedAt === undefined;
  const fileName = content.type === 'document' ? content.fileName : undefined;
  return { from: null, ...(shown ? { media: { url: content.media.url, fileName, ...media } } : {}), status };
}

/** Its text or caption as it stands: edited on the account's phone, or gone with a delete for everyone. */
function sentWords(message: SentMessage): string | undefined {
  return message.deletedAt === undefined ? (message.editedText ?? wordsOf(message.content)) : undefined;
}

/** A received message's sender (a contact's; the session's own for one typed on its phone) and content. */
function received(message: ReceivedMessage) {
  const { direction, from, fromLid, pushName, unsupportedType, media, location, contacts, reaction } = message;
  const { quotedMessageId, quotedWaMessageId, sentAt } = message;
  return {
    from: direction === 'in' ? (from ?? null) : null,
    fromLid,
    pushName,
    unsupportedType,
    media,
    location,
    contacts,
    reaction,
    quotedMessageId,
    quotedWaMessageId,
    sentAt,
  };
}
