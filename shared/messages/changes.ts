import { InvalidInput } from '../errors.ts';
import { wordsOf } from './content.ts';
import type { StoredMessage } from './message.ts';
import { captionMaxLength } from '../schemas/messages.ts';

/**
 * Which of the session's messages WhatsApp lets it edit or delete for everyone, checked when the
 * change is queued: only its own (sent through the API or typed on its phone), sent, not deleted,
 * and within WhatsApp's windows.
 */

/**
 * WhatsApp takes an edit up to 15 minutes after the message was sent (WhatsApp's announcement;
 * e.g. https://support.whapi.cloud/help-desk/sending/overview-of-other-methods-for-sending/editing-a-sent-message:
 * "WhatsApp only allows editing within 15 minutes after sending"); clients ignore a later one.
 */
export const editWindowMinutes = 15;
/**
 * Delete for everyone: "about 2 days" in WhatsApp's help, 2 days and 12 hours precisely
 * (https://getkanal.com/blog/delete-whatsapp-message-for-everyone: "Time window: 2 days 12 hours after sending").
 */
export const deleteWindowHours = 60;

/** Kinds whose words are a text or a caption, which an edit replaces. */
const wordedKinds = ['text', 'image', 'video', 'document'];

/** Throws the reason the session may not edit `message` now. */
export function checkEditable(message: StoredMessage, text: string, now: Date): void {
  checkOwnAndSent(message, 'edited');
  const words = message.origin === 'api' ? wordsOf(message.content) : message.text;
  if (!wordedKinds.includes(kindOf(message)) || words === undefined)
    throw new InvalidInput('Only a text, or a message with a caption, can be edited');
  if (kindOf(message) !== 'text' && text.length > captionMaxLength)
    throw new InvalidInput(`A caption is at most ${captionMaxLength.toLocaleString('en-US')} characters`);
  checkWithin(message, now, editWindowMinutes * 60_000, `WhatsApp takes an edit only within ${editWindowMinutes} minutes of sending`);
}

/** Throws the reason the session may not delete `message` for everyone now. */
export function checkDeletable(message: StoredMessage, now: Date): void {
  checkOwnAndSent(message, 'deleted');
  if (['reaction', 'edit', 'delete'].includes(kindOf(message)))
    throw new InvalidInput('A reaction, edit or delete is not a message to delete: take a reaction back with an empty emoji');
  checkWithin(
    message,
    now,
    deleteWindowHours * 3_600_000,
    `WhatsApp deletes for everyone only within ${deleteWindowHours} hours of sending`,
  );
}

function checkOwnAndSent(message: StoredMessage, change: 'edited' | 'deleted'): void {
  if (message.direction !== 'out') throw new InvalidInput(`Only a message this session sent can be ${change}`);
  if (message.deletedAt !== undefined) throw new InvalidInput('The message was deleted for everyone');
  if (message.origin === 'api' && sentAtOf(message) === undefined)
    throw new InvalidInput(message.status === 'failed' ? 'The message was not sent' : 'The message has not been sent yet');
}

function checkWithin(message: StoredMessage, now: Date, windowMs: number, reason: string): void {
  const sentAt = sentAtOf(message);
  if (sentAt !== undefined && now.getTime() - Date.parse(sentAt) > windowMs) throw new InvalidInput(reason);
}

const kindOf = (message: StoredMessage): string => (message.origin === 'api' ? message.content.type : message.type);

/** When it went out: a send's once WhatsApp took it; a message typed on the phone by WhatsApp's clock, or when it was received. */
function sentAtOf(message: StoredMessage): string | undefined {
  if (message.origin !== 'api') return message.sentAt ?? message.createdAt;
  return ['completed', 'delivered', 'read'].includes(message.status) ? (message.sentAt ?? message.updatedAt) : undefined;
}
