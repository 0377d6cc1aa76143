import { toNumber, type WAMessage } from '@whiskeysockets/baileys';
import type { MessageContent } from '../../shared/messages/content.ts';
import { applyDelete, applyEdit } from '../../shared/messages/received.ts';

/** What a sent edit or delete does to its target, a message of the same session, once WhatsApp took it. */
export type TargetChange =
  | { kind: 'edit'; target: { messageId: string; sessionId: string }; text: string; at: Date }
  | { kind: 'delete'; target: { messageId: string; sessionId: string }; at: Date };

/**
 * The change a sent message makes to its target, if it is an edit or a delete. An edit is dated as
 * Baileys dates the echo of it that WhatsApp hands back (`messages.update`: its protocol message's
 * `timestampMs` in whole seconds), so whichever of the two is stored second finds the same edit
 * there (applyEdit takes only a later one) and changes nothing. A delete is stored once whatever its date.
 */
export function targetChangeOf(
  content: MessageContent,
  sessionId: string,
  sent: WAMessage | undefined,
  now = new Date(),
): TargetChange | undefined {
  if (content.type !== 'edit' && content.type !== 'delete') return undefined;
  const target = { messageId: content.target.messageId, sessionId };
  if (content.type === 'delete') return { kind: 'delete', target, at: now };
  const stamped = sent?.message?.protocolMessage?.timestampMs;
  const ms = stamped ? toNumber(stamped) : now.getTime();
  return { kind: 'edit', target, text: content.text, at: new Date(Math.floor(ms / 1000) * 1000) };
}

/** Stores a change on its target (the table's side of SendStore.changeTarget). */
export async function applyTargetChange(change: TargetChange): Promise<void> {
  if (change.kind === 'edit') await applyEdit(change.target, { text: change.text, editedAt: change.at });
  else await applyDelete(change.target, change.at);
}
