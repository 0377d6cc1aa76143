import { hasMedia, wordsOf, type MessageContent, type TargetMessage } from './content.ts';
import { reactionsOf, type ReceivedMessage, type SentMessage, type StoredMessage } from './message.ts';
import { vCardOf } from './vcard.ts';

/** A message with its whole story, as `GET /message/status` shows it and a `message.received` event carries it. */
export function messageStory(message: StoredMessage) {
  const { history, waMessageId } = message;
  const sending = message.origin === 'api' ? { attempts: message.attempts } : {};
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
function sent({ content, media, deletedAt, status, failureReason }: SentMessage) {
  const shown = hasMedia(content) && deletedAt === undefined;
  const fileName = content.type === 'document' ? content.fileName : undefined;
  return {
    from: null,
    ...(shown ? { media: { ...content.media, fileName, ...media } } : {}),
    ...(deletedAt === undefined ? sentContent(content) : {}),
    ...('quoted' in content && content.quoted
      ? { quotedMessageId: content.quoted.messageId, quotedWaMessageId: content.quoted.key.id }
      : {}),
    status,
    failureReason,
  };
}

/** What a sent message says besides words and media, in the fields a received one shows it in. */
function sentContent(content: MessageContent) {
  const mentions = 'mentions' in content && content.mentions ? { mentions: content.mentions.map((jid) => jid.split('@')[0]!) } : {};
  switch (content.type) {
    case 'location': {
      const { latitude, longitude, name, address } = content;
      return { location: { latitude, longitude, name, address }, ...mentions };
    }
    case 'contacts':
      return { contacts: content.contacts.map((contact) => ({ name: contact.name, vcard: vCardOf(contact) })), ...mentions };
    case 'poll':
      return { poll: { question: content.question, options: content.options, selectableCount: content.selectableCount }, ...mentions };
    case 'reaction':
      return { reaction: { emoji: content.emoji, targetWaMessageId: content.target.key.id, targetMessageId: content.target.messageId } };
    case 'edit':
      return { change: { ...changed(content.target), text: content.text } };
    case 'delete':
      return { change: changed(content.target) };
    default:
      return mentions;
  }
}

const changed = (target: TargetMessage) => ({ targetMessageId: target.messageId, targetWaMessageId: target.key.id });

/** Its text or caption as it stands: edited on the account's phone, or gone with a delete for everyone. */
function sentWords(message: SentMessage): string | undefined {
  return message.deletedAt === undefined ? (message.editedText ?? wordsOf(message.content)) : undefined;
}

/** A received message's sender (a contact's; the session's own for one typed on its phone) and content. */
function received(message: ReceivedMessage) {
  const { direction, from, fromLid, pushName, unsupportedType, media, location, contacts, poll, reaction } = message;
  const { quotedMessageId, quotedWaMessageId, sentAt } = message;
  return {
    from: direction === 'in' ? (from ?? null) : null,
    fromLid,
    pushName,
    unsupportedType,
    media,
    location,
    contacts,
    poll,
    reaction,
    quotedMessageId,
    quotedWaMessageId,
    sentAt,
  };
}
