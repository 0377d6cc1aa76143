import { jidDecode } from '@whiskeysockets/baileys';
import { logger } from '../../../shared/logger.ts';
import { storeContactName } from '../../../shared/profile/contact-names.ts';
import type { Sink } from '../session-events.ts';

/** Names written lately, by session and contact: Baileys repeats a sender's push name with each of its messages. */
const written = new Map<string, { name: string; atMs: number }>();
const writtenSize = 10_000;
/** How long a name written is not written again; the table's condition also skips unchanged names. */
const rewriteAfterMs = 86_400_000;

/**
 * Stores a contact's push name under its number (or its LID while the number is unknown), so that
 * `POST /profile` answers it. A name unchanged since it was last written is not written again.
 */
export const contactNameSink: Sink<'contact-name'> = async ({ jid, pushName, lid, phoneJid }, { sessionId, phoneOfLid }) => {
  if (!pushName) return;
  const phone = phoneJid ?? (lid ? await phoneOfLid(lid) : undefined);
  const contact = phone ? jidDecode(phone)?.user : (lid ?? jid);
  if (!contact) return;
  const key = `${sessionId} ${contact}`;
  const last = written.get(key);
  if (last?.name === pushName && Date.now() - last.atMs < rewriteAfterMs) return;
  try {
    await storeContactName(sessionId, contact, pushName, new Date());
    written.delete(key);
    written.set(key, { name: pushName, atMs: Date.now() });
    if (written.size > writtenSize) written.delete(written.keys().next().value!);
  } catch (error) {
    logger().warn('Could not store a contact name', { sessionId, contact, error });
  }
};
