import { PassThrough, type Readable } from 'node:stream';
import { S3ServiceException } from '@aws-sdk/client-s3';
import { logger } from '../../shared/logger.ts';
import type { MediaDescription } from '../../shared/messages/message.ts';
import { MediaStalled, mediaObjectKey, putMedia } from '../../shared/messages/media-store.ts';
import { count } from '../../shared/metrics-emitter.ts';

/** A fetched media body split in two: one branch for the send, the other kept in the media store. */
export interface KeptMedia {
  /** What the send reads. */
  body: Readable;
  /** What the store made of the other branch; never rejects: a failure is `stored: false` with the reason. */
  kept: Promise<MediaDescription>;
  /** Stops both branches: the send failed, nothing is to be kept. */
  discard(): void;
}

/**
 * Tees `source` so that the media the service fetched for a send is stored under the message as it
 * goes out, read once from its URL: `GET /message/media` then serves the very bytes that were sent.
 * Both branches are read at the pace of the slower one (pipe's backpressure), so the media is never
 * held whole. The store failing never fails the send: its branch is dropped and the send goes on.
 */
export function keepWhileSending(
  source: Readable,
  target: { sessionId: string; messageId: string },
  media: { maxBytes: number; declaredBytes?: number; mimeType: string; fileName?: string },
): KeptMedia {
  const body = new PassThrough();
  const toStore = new PassThrough();
  source.pipe(body);
  source.pipe(toStore);
  // pipe() forwards data, not failures: a download that fails mid-stream must fail both readers.
  source.once('error', (error) => {
    body.destroy(error);
    toStore.destroy(error);
  });
  const described = { mimeType: media.mimeType, ...(media.fileName === undefined ? {} : { fileName: media.fileName }) };
  const kept = putMedia(mediaObjectKey(target.sessionId, target.messageId), toStore, {
    maxBytes: media.maxBytes,
    declaredBytes: media.declaredBytes,
    contentType: media.mimeType,
  }).then(
    (stored): MediaDescription => ({ ...described, ...stored, stored: true }),
    (error: unknown): MediaDescription => {
      // A failed download fails the send too, which says why; only the store's own failure is news here.
      if (!source.errored && !body.destroyed) {
        count('outboundMediaNotKept');
        logger().warn('Sent media not kept', { ...target, error });
      }
      return { ...described, stored: false, unavailableReason: reasonOf(error) };
    },
  );
  return {
    body,
    kept,
    discard: () => source.destroy(),
  };
}

function reasonOf(error: unknown): string {
  if (error instanceof MediaStalled) return 'the media could not be stored: the send stopped reading it';
  if (error instanceof S3ServiceException) return 'the media could not be stored';
  return 'the media was not sent';
}
