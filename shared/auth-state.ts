import { DeleteObjectsCommand, paginateListObjectsV2 } from '@aws-sdk/client-s3';
import { s3Client } from './aws-clients.ts';
import { config } from './config.ts';
import { authStatePrefix } from './resources.ts';

/** Consecutive pre-key ids stored in one object. */
export const preKeysPerBucket = 1024;

/**
 * Where a session's WhatsApp auth state lives in the bucket, all under the session's prefix: its
 * credentials, its pre-keys by buckets of consecutive ids, and one object per other Signal key.
 */
export const authStateKeys = {
  prefix: (sessionId: string) => `${authStatePrefix}${encodeURIComponent(sessionId)}/`,
  creds: (sessionId: string) => `${authStateKeys.prefix(sessionId)}creds.json`,
  preKeyBucket: (sessionId: string, bucket: number) => `${authStateKeys.prefix(sessionId)}pre-keys/${bucket}.json`,
  signalKey: (sessionId: string, type: string, id: string) =>
    `${authStateKeys.prefix(sessionId)}keys/${encodeURIComponent(type)}/${encodeURIComponent(id)}.json`,
} as const;

/** Deletes everything stored for a session (logout, cleanup). */
export async function deleteAuthState(sessionId: string): Promise<void> {
  const bucket = config().AUTH_BUCKET_NAME;
  for await (const page of paginateListObjectsV2({ client: s3Client() }, { Bucket: bucket, Prefix: authStateKeys.prefix(sessionId) })) {
    const objects = (page.Contents ?? []).flatMap((object) => (object.Key ? [{ Key: object.Key }] : []));
    if (objects.length > 0) await s3Client().send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: objects, Quiet: true } }));
  }
}
