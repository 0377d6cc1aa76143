/**
 * Media a tenant uploads to send, beside URLs: bytes sent as base64 in a send request, or posted
 * straight to the media bucket with a presigned POST (`POST /media`). Either way the bytes sit at
 * `uploads/<user id>/<media id>` and an item (keys.mediaUpload) says what they are and until when
 * the owner may send them; a message then names them as `{ mediaId }` and the connector reads them
 * from the bucket instead of fetching a URL.
 */
import { createHash } from 'node:crypto';
import { GetObjectCommand, NoSuchKey, PutObjectCommand } from '@aws-sdk/client-s3';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { dynamoClient, s3Client } from '../aws-clients.ts';
import { config } from '../config.ts';
import { epochSeconds, tableName } from '../db.ts';
import { InvalidInput } from '../errors.ts';
import { newMediaId } from '../ids.ts';
import { keys } from '../keys.ts';
import { uploadsPrefix } from '../resources.ts';
import { bytesProblem, SNIFF_BYTES, type SniffedKind } from './media-bytes.ts';
import { describeSize, MEDIA_MAX_BYTES } from './media-limits.ts';
import { mediaUploadLifetimeSeconds, uploadFormLifetimeSeconds } from './upload-limits.ts';

/** Where an upload's bytes live; the user id in the key keeps one tenant's uploads out of another's reach. */
export function uploadObjectKey(userId: number, mediaId: string): string {
  return `${uploadsPrefix}${userId}/${encodeURIComponent(mediaId)}`;
}

export interface MediaUpload {
  mediaId: string;
  mimeType: string;
  size: number;
  fileName?: string;
}

export interface UploadForm {
  mediaId: string;
  uploadUrl: string;
  fields: Record<string, string>;
  /** Until when the form may be posted. */
  uploadExpiresAt: string;
  /** Until when the media may be sent. */
  expiresAt: string;
}

/**
 * A presigned POST for `size` bytes of `mimeType`: S3 itself refuses a file of another length or
 * type, and the form after 15 minutes. The upload item is written first, so the id is known to be
 * the caller's before any byte arrives.
 */
export async function createUploadForm(userId: number, input: Omit<MediaUpload, 'mediaId'>): Promise<UploadForm> {
  const mediaId = newMediaId();
  const expiresAt = await putUploadItem(userId, { mediaId, ...input });
  const { url, fields } = await createPresignedPost(s3Client(), {
    Bucket: config().MEDIA_BUCKET_NAME,
    Key: uploadObjectKey(userId, mediaId),
    Conditions: [
      ['content-length-range', input.size, input.size],
      ['eq', '$Content-Type', input.mimeType],
    ],
    Fields: { 'Content-Type': input.mimeType },
    Expires: uploadFormLifetimeSeconds,
  });
  const uploadExpiresAt = new Date(Date.now() + uploadFormLifetimeSeconds * 1000).toISOString();
  return { mediaId, uploadUrl: url, fields, uploadExpiresAt, expiresAt };
}

/**
 * Stores media sent as base64. Its id is derived from its type and bytes, so a retried request
 * (the same Idempotency-Key) names the same upload and is recognised as the same request.
 */
export async function storeBase64Upload(userId: number, bytes: Buffer, mimeType: string): Promise<MediaUpload> {
  const digest = createHash('sha256').update(mimeType).update('\0').update(bytes).digest('hex');
  const upload = { mediaId: `med_b64_${digest.slice(0, 40)}`, mimeType, size: bytes.length };
  await s3Client().send(
    new PutObjectCommand({
      Bucket: config().MEDIA_BUCKET_NAME,
      Key: uploadObjectKey(userId, upload.mediaId),
      Body: bytes,
      ContentType: mimeType,
    }),
  );
  await putUploadItem(userId, upload);
  return upload;
}

/**
 * The caller's upload `mediaId`, to be sent as media of `kind`. Unknown, another tenant's (the key
 * holds the caller's id, so it is simply not found), expired, never uploaded, too large for the
 * kind or, by its first bytes, not of the kind (a voice note that is not OGG/Opus): 400, saying which.
 */
export async function usableUpload(userId: number, mediaId: string, sniffed: SniffedKind): Promise<MediaUpload> {
  const { kind } = sniffed;
  const { Item } = await dynamoClient().send(new GetCommand({ TableName: tableName(), Key: keys.mediaUpload(userId, mediaId) }));
  // TTL deletion lags by up to days: an item past its time is expired all the same.
  if (!Item || Number(Item.expiresAt) <= epochSeconds(new Date())) {
    throw new InvalidInput(`media_id ${mediaId} is unknown or has expired (uploads can be sent for 24 hours)`);
  }
  const upload: MediaUpload = {
    mediaId,
    mimeType: String(Item.mimeType),
    size: Number(Item.size),
    ...(typeof Item.fileName === 'string' ? { fileName: Item.fileName } : {}),
  };
  if (upload.size > MEDIA_MAX_BYTES[kind]) {
    throw new InvalidInput(`media_id ${mediaId} is larger than the ${describeSize(MEDIA_MAX_BYTES[kind])} a ${kind} may be`);
  }
  // The bytes are ours to read, so their kind is checked now: a 400 rather than a message that fails later.
  const { problem } = await bytesProblem(await uploadHead(userId, mediaId), sniffed);
  if (problem !== undefined) throw new InvalidInput(`media_id ${mediaId}: ${problem}`);
  return upload;
}

/** The first bytes of an upload, enough to tell its type; 400 when nothing was uploaded. */
async function uploadHead(userId: number, mediaId: string): Promise<Buffer> {
  try {
    const { Body } = await s3Client().send(
      new GetObjectCommand({
        Bucket: config().MEDIA_BUCKET_NAME,
        Key: uploadObjectKey(userId, mediaId),
        Range: `bytes=0-${SNIFF_BYTES - 1}`,
      }),
    );
    return Buffer.from((await Body?.transformToByteArray()) ?? []);
  } catch (error) {
    if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') {
      throw new InvalidInput(`media_id ${mediaId} has not been uploaded: post its file to the uploadUrl first`);
    }
    throw error;
  }
}

async function putUploadItem(userId: number, upload: MediaUpload): Promise<string> {
  const expires = new Date(Date.now() + mediaUploadLifetimeSeconds * 1000);
  await dynamoClient().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...keys.mediaUpload(userId, upload.mediaId), ...upload, expiresAt: epochSeconds(expires) },
    }),
  );
  return expires.toISOString();
}
