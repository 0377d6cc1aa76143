import type { Caller } from '../auth/authenticate.ts';
import { config } from '../config.ts';
import { NotFound } from '../errors.ts';
import { mediaObjectKey, signedMediaUrl } from './media-store.ts';
import { getStoredMessage } from './repository.ts';
import { messageNotFoundMessage, senderSession } from './service.ts';

export const noMediaMessage = 'No media for this message';

/**
 * A short-lived signed URL of the stored media of one of the caller's session's messages, and when
 * it stops working. Another session's message, even one of an earlier session of the same name, is
 * not found.
 */
export async function messageMediaUrl(
  caller: Caller,
  query: { session: string; messageId: string },
): Promise<{ url: string; expiresAt: string }> {
  const session = await senderSession(caller, query.session, { allowEnded: true });
  const message = await getStoredMessage(query.messageId);
  if (!message || message.sessionId !== session.sessionId || message.userId !== caller.userId) throw new NotFound(messageNotFoundMessage);
  // A received message past its retention (its media expired with it) is not found above; a sent
  // message outlives its media, which the bucket's lifecycle deletes as old as received media.
  if (message.media?.stored !== true || (message.origin === 'api' && mediaExpired(message.sentAt ?? message.createdAt))) {
    throw new NotFound(noMediaMessage);
  }
  const { MEDIA_URL_TTL_SECONDS } = config();
  // Taken before signing, so the URL never outlives what the answer says.
  const expiresAt = new Date(Date.now() + MEDIA_URL_TTL_SECONDS * 1000).toISOString();
  return { url: await signedMediaUrl(mediaObjectKey(message.sessionId, message.messageId), MEDIA_URL_TTL_SECONDS), expiresAt };
}

const mediaExpired = (storedAt: string) => Date.parse(storedAt) + config().INBOUND_RETENTION_DAYS * 86_400_000 < Date.now();
