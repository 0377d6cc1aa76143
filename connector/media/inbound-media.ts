import { S3ServiceException } from '@aws-sdk/client-s3';
import { assertMediaContent, downloadMediaMessage, type WAMessage } from '@whiskeysockets/baileys';
import { config } from '../../shared/config.ts';
import { TooLarge } from '../../shared/errors.ts';
import { logger } from '../../shared/logger.ts';
import { describeSize } from '../../shared/messages/media-limits.ts';
import { MediaIntegrityError, MediaLengthError, MediaStalled, mediaObjectKey, putMedia } from '../../shared/messages/media-store.ts';
import { count } from '../../shared/metrics-emitter.ts';

export type InboundMediaOutcome = { stored: true; size: number; sha256: string; mimeType?: string } | { stored: false; reason: string };

/** Downloads the media of `waMessage` (Baileys' downloadMediaMessage as a stream) into the media store under the message, up to `maxBytes`. Never throws: a failure is `{ stored: false, reason }`. */
export async function saveInboundMedia(
  waMessage: WAMessage,
  target: { sessionId: string; messageId: string },
): Promise<InboundMediaOutcome> {
  const maxBytes = config().INBOUND_MEDIA_MAX_BYTES;
  const media = mediaOf(waMessage);
  if (!media) return { stored: false, reason: 'not a media message' };
  try {
    const mimeType = media.mimetype ?? undefined;
    // What the sender declares spares a download that could only end over the cap; the stream still counts.
    if (Number(media.fileLength ?? 0) > maxBytes) return { stored: false, reason: overCap(maxBytes) };
    const stream = await downloadMediaMessage(waMessage, 'stream', {});
    const stored = await putMedia(mediaObjectKey(target.sessionId, target.messageId), stream, {
      maxBytes,
      // What the sender declares streams into one PutObject; the count is checked, and the hash proves the bytes.
      declaredBytes: Number(media.fileLength ?? 0) || undefined,
      contentType: mimeType,
      // Baileys checks no MAC nor hash: the sender's SHA-256 of the plain bytes is what proves them whole.
      expectedSha256: media.fileSha256?.length ? Buffer.from(media.fileSha256).toString('hex') : undefined,
    });
    return { stored: true, ...stored, ...(mimeType === undefined ? {} : { mimeType }) };
  } catch (error) {
    if (error instanceof TooLarge) return { stored: false, reason: overCap(maxBytes) };
    count('inboundMediaFailed');
    logger().warn('Inbound media not stored', { ...target, waMessageId: waMessage.key.id, error });
    return { stored: false, reason: reasonOf(error) };
  }
}

function mediaOf(waMessage: WAMessage): ReturnType<typeof assertMediaContent> | undefined {
  try {
    return assertMediaContent(waMessage.message);
  } catch {
    return undefined;
  }
}

const overCap = (maxBytes: number) => `larger than the ${describeSize(maxBytes)} limit`;

/** Why, in words fit for the API: never the media URL or anything else internal. */
function reasonOf(error: unknown): string {
  if (error instanceof MediaLengthError) return 'download failed: the media is not the size its sender declared';
  if (error instanceof MediaIntegrityError) return 'download failed: the media does not match its hash';
  if (error instanceof MediaStalled) return 'download failed: WhatsApp stopped sending the media';
  if (error instanceof S3ServiceException) return 'the media could not be stored';
  // Baileys' failed media fetch: a Boom carrying the HTTP status.
  const { isBoom, output } = (error ?? {}) as { isBoom?: boolean; output?: { statusCode?: number } };
  if (isBoom === true && output?.statusCode !== undefined) return `download failed: WhatsApp answered ${output.statusCode}`;
  return 'download failed';
}
