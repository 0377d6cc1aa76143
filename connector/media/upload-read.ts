import type { Readable } from 'node:stream';
import { GetObjectCommand, NoSuchKey } from '@aws-sdk/client-s3';
import { s3Client } from '../../shared/aws-clients.ts';
import { config } from '../../shared/config.ts';
import { uploadObjectKey } from '../../shared/messages/media-uploads.ts';
import type { FetchedMedia } from './safe-fetch.ts';
import { MediaFetchError } from './media-fetch-error.ts';

/**
 * The bytes of a user's upload, read from the media bucket as a stream: what a URL's download is to
 * the rest of a send (sniffing, limits, sticker conversion, keeping the sent copy). Its type is
 * the one it was uploaded with (S3 held the upload to it); an upload gone since (expired) fails the
 * message with the reason.
 */
export async function readUpload(userId: number, mediaId: string): Promise<FetchedMedia> {
  try {
    const object = await s3Client().send(
      new GetObjectCommand({ Bucket: config().MEDIA_BUCKET_NAME, Key: uploadObjectKey(userId, mediaId) }),
    );
    const body = object.Body as Readable | undefined;
    if (!body) throw new MediaFetchError('uploaded media is empty');
    return {
      body,
      contentType: object.ContentType?.split(';')[0]?.trim() || 'application/octet-stream',
      ...(object.ContentLength !== undefined ? { declaredBytes: object.ContentLength } : {}),
    };
  } catch (error) {
    if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') {
      throw new MediaFetchError(`uploaded media ${mediaId} is gone (uploads are kept 24 hours)`, { cause: error });
    }
    throw error;
  }
}
