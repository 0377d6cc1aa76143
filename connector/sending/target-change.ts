import { toNumber, type WAMessage } from '@whiskeysockets/baileys';
import type { MessageContent } from '../../shared/messages/content.ts';
import { addReaction, applyDelete, applyEdit } from '../../shared/messages/received.ts';

type Target = { messageId: string; sessionId: string };

/** What a sent edit, delete or reaction does to its target, a message of the same session, once WhatsApp took it. */
export type TargetChange =
  | { kind: 'edit'; target: Target; text: string; at: Date }
  | { kind: 'delete'; target: Target; at: Date }
  | { kind: 'reaction'; target: Target; waMessageId: string; emoji: string; at: Date };

/**
 * The change a sent message makes to its target, if it is an edit, a delete or a reaction (shown in
 * the target's `reactions` as the account's own, as one sent from the phone is). An edit is dated as
 * Baileys dates the echo of it that WhatsApp hands back (`messages.update`: its protocol message's
 * `timestampMs` in whole seconds), so whichever of the two is stored second finds the same edit
 * there (applyEdit takes only a later one) and changes nothing. A delete is stored once whatever its date.
 */
export function targetChangeOf(
  content: MessageContent,
  { sessionId, waMessageId }: { sessionId: string; waMessageId: string },
  sent: WAMessage | undefined,
  now = new Date(),
): TargetChange | undefined {
  if (content.type !== 'edit' && content.type !== 'delete' && content.type !== 'reaction') return undefined;
  const target = { messageId: content.target.messageId, sessionId };
  if (content.type === 'delete') return { kind: 'delete', target, at: now };
  if (content.type === 'reaction') return { kind: 'reaction', target, waMessageId, emoji: content.emoji, at: now };
  const stamped = sent?.message?.protocolMessage?.timestampMs;
  const ms = stamped ? toNumber(stamped) : now.getTime();
  return { kind: 'edit', target, text: content.text, at: new Date(Math.floor(ms / 1000) * 1000) };
}

/** Stores a change on its target (the table's side of SendStore.changeTarget). */
export async function applyTargetChange(change: TargetChange): Promise<void> {
  switch (change.kind) {
    case 'edit':
      await applyEdit(change.target, { text: change.text, editedAt: change.at });
      return;
    case 'delete':
      await applyDelete(change.target, change.at);
      return;
    case 'reaction':
      // Claimed by the reaction's WhatsApp id: a redelivered send records it once.
      await addReaction(change.target, { waMessageId: change.waMessageId, emoji: change.emoji, at: change.at });
  }
}
