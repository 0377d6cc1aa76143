import { monotonicFactory } from 'ulid';

const nextUlid = monotonicFactory();
const waPrefix = '3EB0';

/** `ses_<ULID>`: a session's internal id, never reused. */
export function newSessionId(): string {
  return `ses_${nextUlid()}`;
}

/** `msg_<ULID>`: unique, and sorts by creation time (the queue listing is newest first by id). */
export function newMessageId(): string {
  return `msg_${nextUlid()}`;
}

/** `med_<ULID>`: media uploaded by a presigned POST. */
export function newMediaId(): string {
  return `med_${nextUlid()}`;
}

/** `wh_<ULID>`: a webhook endpoint. */
export function newWebhookId(): string {
  return `wh_${nextUlid()}`;
}

/** `att_<ULID>`: one delivery attempt; sorts by time, so an endpoint's log reads newest first. */
export function newAttemptId(): string {
  return `att_${nextUlid()}`;
}

/**
 * The WhatsApp message id we send a message under, derived from our id: a redelivered queue
 * message is sent under the same id, which recipients' devices deduplicate, and a receipt's id
 * leads back to our message without a lookup.
 */
export function waMessageIdOf(messageId: string): string {
  return `${waPrefix}${messageId.slice('msg_'.length)}`;
}

export function messageIdOfWa(waMessageId: string): string | undefined {
  return waMessageId.startsWith(waPrefix) && waMessageId.length === waPrefix.length + 26
    ? `msg_${waMessageId.slice(waPrefix.length)}`
    : undefined;
}
