import { createHash } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DeleteObjectsCommand, GetObjectCommand, PutObjectCommand, paginateListObjectsV2 } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { s3Client } from '../aws-clients.ts';
import { config } from '../config.ts';
import { TooLarge } from '../errors.ts';
import { mediaPrefix } from '../resources.ts';
import { describeSize } from './media-limits.ts';

/** Where a message's media lives in the media bucket. */
export function mediaObjectKey(sessionId: string, messageId: string): string {
  return `${sessionMediaPrefix(sessionId)}${encodeURIComponent(messageId)}`;
}

const sessionMediaPrefix = (sessionId: string) => `${mediaPrefix}${encodeURIComponent(sessionId)}/`;

export interface StoredMedia {
  size: number;
  /** Hex SHA-256 of the bytes stored. */
  sha256: string;
}

export interface PutMediaOptions {
  /** Past this many bytes the upload is aborted with `TooLarge`. */
  maxBytes: number;
  contentType?: string;
  /** Hex SHA-256 the bytes must have; anything else is aborted and not stored. */
  expectedSha256?: string;
  /**
   * How many bytes the source says it holds. Known, the bytes stream into one PutObject as they
   * come, nothing buffered; unknown, a multipart upload holds a 5 MB part at a time. Any other
   * count is aborted and not stored.
   */
  declaredBytes?: number;
  /**
   * A source that sends nothing for this long is given up: one whose own source failed may never end.
   * @default 60 seconds
   */
  stallTimeoutMs?: number;
}

/** The stored bytes are not what the sender hashed, or not as many as it declared. */
export class MediaIntegrityError extends Error {}

/** The bytes are not as many as their source declared. */
export class MediaLengthError extends MediaIntegrityError {}

/** The source sent nothing for too long. */
export class MediaStalled extends Error {}

// A simple `type/subtype` only: the value becomes an S3 object header.
const plainMimeType = /^[\w!#$&^.+-]+\/[\w!#$&^.+-]+$/;

/**
 * Streams `body` into the media bucket under `key`, a part at a time (S3 multipart upload), counting
 * its bytes and SHA-256 as they pass. Past `maxBytes`, on a hash mismatch or when the source stalls,
 * the upload is aborted and nothing is stored; the error says why.
 */
export async function putMedia(key: string, body: Readable, options: PutMediaOptions): Promise<StoredMedia> {
  const meter = new MediaMeter(options);
  const contentType = options.contentType?.split(';')[0]?.trim();
  const params = {
    Bucket: config().MEDIA_BUCKET_NAME,
    Key: key,
    Body: meter,
    ContentType: contentType && plainMimeType.test(contentType) ? contentType : 'application/octet-stream',
  };
  const { declaredBytes } = options;
  // A stream that fails ends its put at once: the server would otherwise wait for the bytes promised.
  const abort = new AbortController();
  meter.once('error', () => abort.abort());
  const stored =
    declaredBytes !== undefined && declaredBytes <= options.maxBytes
      ? s3Client().send(new PutObjectCommand({ ...params, ContentLength: declaredBytes }), { abortSignal: abort.signal })
      : // One 5 MB part in flight: a download is held in memory a part at a time, never whole.
        new Upload({ client: s3Client(), params, queueSize: 1, abortController: abort }).done();
  // An upload that fails stops reading: the stream must fail with it rather than wait, stalled.
  const uploaded = stored.catch((error: unknown) => {
    meter.destroy(error as Error);
    throw error;
  });
  const [streamed] = await Promise.allSettled([pipeline(body, meter), uploaded]);
  // The stream's failure is the reason; the upload's error then is only how it ended (or how its abort failed).
  if (streamed.status === 'rejected') throw streamed.reason;
  await uploaded;
  return meter.result();
}

/** Counts and hashes what passes, and fails the stream past the cap, on a size or hash mismatch or a stall. */
class MediaMeter extends Transform {
  private readonly hash = createHash('sha256');
  // Not `size`: lib-storage would take a numeric `size` of its Body for the length to expect.
  #bytes = 0;
  #held: Buffer | undefined;
  private digest: string | undefined;
  private readonly stallTimer: NodeJS.Timeout;
  private readonly options: PutMediaOptions;

  constructor(options: PutMediaOptions) {
    super();
    this.options = options;
    const stallMs = options.stallTimeoutMs ?? 60_000;
    this.stallTimer = setTimeout(() => this.destroy(new MediaStalled(`no media bytes for ${stallMs / 1000} s`)), stallMs);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null, data?: Buffer) => void): void {
    this.stallTimer.refresh();
    this.#bytes += chunk.length;
    if (this.options.declaredBytes !== undefined && this.#bytes > this.options.declaredBytes) {
      callback(new MediaLengthError('media is longer than declared'));
      return;
    }
    if (this.#bytes > this.options.maxBytes) {
      callback(new TooLarge(`larger than the ${describeSize(this.options.maxBytes)} limit`));
      return;
    }
    this.hash.update(chunk);
    // The last chunk is held back until the end is checked: a put that got every declared byte
    // would store them before a failing check could abort it.
    const previous = this.#held;
    this.#held = chunk;
    callback(null, previous);
  }

  override _flush(callback: (error?: Error | null, data?: Buffer) => void): void {
    clearTimeout(this.stallTimer);
    this.digest = this.hash.digest('hex');
    const { expectedSha256, declaredBytes } = this.options;
    if (declaredBytes !== undefined && this.#bytes !== declaredBytes) callback(new MediaLengthError('media is shorter than declared'));
    else if (expectedSha256 !== undefined && expectedSha256 !== this.digest)
      callback(new MediaIntegrityError('media does not match its SHA-256'));
    else callback(null, this.#held);
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    clearTimeout(this.stallTimer);
    callback(error);
  }

  result(): StoredMedia {
    if (this.digest === undefined) throw new Error('The media stream has not ended');
    return { size: this.#bytes, sha256: this.digest };
  }
}

/** A URL that downloads the object for `expiresInSeconds`, signed with the caller's credentials. */
export function signedMediaUrl(key: string, expiresInSeconds: number): Promise<string> {
  return getSignedUrl(s3Client(), new GetObjectCommand({ Bucket: config().MEDIA_BUCKET_NAME, Key: key }), { expiresIn: expiresInSeconds });
}

/** Deletes every media object of a session (its removal). */
export async function deleteSessionMedia(sessionId: string): Promise<void> {
  const bucket = config().MEDIA_BUCKET_NAME;
  for await (const page of paginateListObjectsV2({ client: s3Client() }, { Bucket: bucket, Prefix: sessionMediaPrefix(sessionId) })) {
    const objects = (page.Contents ?? []).flatMap((object) => (object.Key ? [{ Key: object.Key }] : []));
    if (objects.length > 0) await s3Client().send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: objects, Quiet: true } }));
  }
}
