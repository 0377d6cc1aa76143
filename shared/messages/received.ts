import { GetCommand, TransactWriteCommand, UpdateCommand, type UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '../aws-clients.ts';
import { config } from '../config.ts';
import { cancellationCodes, epochSeconds, isConditionFailure, tableName } from '../db.ts';
import { messageIdOfWa } from '../ids.ts';
import { keys } from '../keys.ts';
import type { HistoryEntry, MediaDescription, ReceivedMessage, StoredMessage } from './message.ts';
import { getMessage, getStoredMessage } from './repository.ts';

/**
 * Messages a session received from WhatsApp (from contacts, or typed on the account's own phone),
 * and what happens to any of the session's messages afterwards: edits, deletes, reactions. Each
 * WhatsApp id is claimed once per session (`keys.inboundClaim`), in the transaction that stores
 * what it brought, so a second delivery of the same message changes nothing.
 */

/** Epoch seconds until which what is received `at` is kept (the table's TTL attribute). */
export function retainedUntil(at: Date): number {
  return epochSeconds(at) + config().INBOUND_RETENTION_DAYS * 86_400;
}

const claimPut = (sessionId: string, waMessageId: string, messageId: string, expiresAt: number) => ({
  Put: {
    TableName: tableName(),
    Item: { ...keys.inboundClaim(sessionId, waMessageId), messageId, expiresAt },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

/**
 * Runs a transaction whose first item is a WhatsApp id's claim: false when the id was claimed
 * before (or the message it changes is gone: its retention ended).
 */
async function claimed(transaction: TransactWriteCommand): Promise<boolean> {
  try {
    await dynamoClient().send(transaction);
    return true;
  } catch (error) {
    if (cancellationCodes(error)?.includes('ConditionalCheckFailed')) return false;
    throw error;
  }
}

/** Stores a received message with the claim of its WhatsApp id; false (nothing written) when that id was stored before. */
export async function storeReceived(message: ReceivedMessage): Promise<boolean> {
  const { sessionId, waMessageId, messageId, expiresAt } = message;
  return claimed(
    new TransactWriteCommand({
      TransactItems: [
        claimPut(sessionId, waMessageId, messageId, expiresAt),
        {
          Put: {
            TableName: tableName(),
            Item: { ...keys.message(messageId), ...keys.messagesOfSession(sessionId, messageId), ...message },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      ],
    }),
  );
}

/**
 * The session's message WhatsApp knows by `waMessageId`: one it received (through the claim), or
 * one it sent through the API (whose WhatsApp id is derived from ours).
 */
export async function findByWaMessageId(sessionId: string, waMessageId: string): Promise<StoredMessage | undefined> {
  const { Item } = await dynamoClient().send(
    new GetCommand({ TableName: tableName(), Key: keys.inboundClaim(sessionId, waMessageId), ConsistentRead: true }),
  );
  const message = typeof Item?.messageId === 'string' ? await getStoredMessage(Item.messageId) : await sentMessage(waMessageId);
  return message?.sessionId === sessionId ? message : undefined;
}

async function sentMessage(waMessageId: string) {
  const messageId = messageIdOfWa(waMessageId);
  return messageId === undefined ? undefined : getMessage(messageId);
}

/** Whether `waMessageId` is a message this session sent through the API: WhatsApp echoes those back as the account's own. */
export async function isSentThroughApi(sessionId: string, waMessageId: string): Promise<boolean> {
  return (await sentMessage(waMessageId))?.sessionId === sessionId;
}

/**
 * One update of a stored message of the session: appends `entry` to its history, sets and removes
 * what is given, all only if it is still the session's and `condition` holds. False when it did not.
 */
function changeOf(
  target: Pick<StoredMessage, 'messageId' | 'sessionId'>,
  entry: HistoryEntry,
  change: { set?: Record<string, unknown>; remove?: string[]; condition?: string },
) {
  const set = { ...change.set, updatedAt: new Date().toISOString() };
  const names = Object.fromEntries([...Object.keys(set), ...(change.remove ?? [])].map((name) => [`#${name}`, name]));
  return {
    TableName: tableName(),
    Key: keys.message(target.messageId),
    UpdateExpression: [
      `SET ${[...Object.keys(set).map((name) => `#${name} = :${name}`), '#history = list_append(if_not_exists(#history, :noHistory), :entry)'].join(', ')}`,
      ...(change.remove?.length ? [`REMOVE ${change.remove.map((name) => `#${name}`).join(', ')}`] : []),
    ].join(' '),
    ConditionExpression: ['sessionId = :sessionId', ...(change.condition ? [`(${change.condition})`] : [])].join(' AND '),
    ExpressionAttributeNames: { ...names, '#history': 'history' },
    ExpressionAttributeValues: {
      ...Object.fromEntries(Object.entries(set).map(([name, value]) => [`:${name}`, value])),
      ':entry': [entry],
      ':noHistory': [],
      ':sessionId': target.sessionId,
    },
  };
}

async function changed(update: UpdateCommandInput): Promise<boolean> {
  try {
    await dynamoClient().send(new UpdateCommand(update));
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/**
 * Records a reaction (WhatsApp id `waMessageId`) on the message it reacts to, with the reaction's
 * claim: false when that reaction was recorded before.
 */
export async function addReaction(
  target: Pick<StoredMessage, 'messageId' | 'sessionId'>,
  reaction: { waMessageId: string; emoji: string; from?: string; at: Date },
): Promise<boolean> {
  const entry: HistoryEntry = { event: 'reacted', at: reaction.at.toISOString(), emoji: reaction.emoji, from: reaction.from };
  return claimed(
    new TransactWriteCommand({
      TransactItems: [
        claimPut(target.sessionId, reaction.waMessageId, target.messageId, retainedUntil(reaction.at)),
        { Update: changeOf(target, entry, {}) },
      ],
    }),
  );
}

/**
 * Gives a message the text of its edit made at `editedAt`. An edit older than the one it shows
 * already (a redelivery, or edits arriving out of order) changes nothing; nor does an edit to the
 * words it already has from an edit (a send of an edit repeated after a failure, stamped anew), nor
 * any edit of a deleted message. Answers whether it changed.
 */
export function applyEdit(
  target: Pick<StoredMessage, 'messageId' | 'sessionId'>,
  edit: { text?: string; editedAt: Date },
): Promise<boolean> {
  const at = edit.editedAt.toISOString();
  return changed(
    changeOf(
      target,
      { event: 'edited', at, text: edit.text },
      {
        set: { editedAt: at, ...(edit.text === undefined ? {} : { text: edit.text }) },
        condition: [
          'attribute_not_exists(deletedAt) AND (attribute_not_exists(editedAt) OR editedAt < :editedAt)',
          ...(edit.text === undefined ? [] : ['(attribute_not_exists(editedAt) OR #text <> :text)']),
        ].join(' AND '),
      },
    ),
  );
}

/** Deletes a message's content for everyone, keeping the message and its history. Answers whether it changed (once only). */
export function applyDelete(target: Pick<StoredMessage, 'messageId' | 'sessionId'>, at: Date): Promise<boolean> {
  const deletedAt = at.toISOString();
  return changed(
    changeOf(
      target,
      { event: 'deleted', at: deletedAt },
      {
        set: { deletedAt },
        remove: ['text', 'media', 'location', 'contacts'],
        condition: 'attribute_not_exists(deletedAt)',
      },
    ),
  );
}

/**
 * Records where a received message's media stands once its download ended: stored (with its
 * size and hash), or unavailable with the reason. A message deleted meanwhile stays without media.
 */
export async function recordMedia(
  message: Pick<ReceivedMessage, 'messageId' | 'sessionId'>,
  outcome: Pick<MediaDescription, 'size' | 'sha256' | 'mimeType' | 'unavailableReason'> & { stored: boolean },
): Promise<void> {
  const fields = Object.entries(outcome).filter(([, value]) => value !== undefined);
  await changed({
    TableName: tableName(),
    Key: keys.message(message.messageId),
    UpdateExpression: `SET ${fields.map(([name]) => `#media.#${name} = :${name}`).join(', ')}`,
    ConditionExpression: 'sessionId = :sessionId AND attribute_exists(#media)',
    ExpressionAttributeNames: { '#media': 'media', ...Object.fromEntries(fields.map(([name]) => [`#${name}`, name])) },
    ExpressionAttributeValues: {
      ':sessionId': message.sessionId,
      ...Object.fromEntries(fields.map(([name, value]) => [`:${name}`, value])),
    },
  });
}
