import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand } from '@aws-sdk/client-s3';
import { BufferJSON, initAuthCreds, proto, type AuthenticationState, type SignalDataTypeMap, type SignalKeyStore } from '@whiskeysockets/baileys';
import { authStateKeys } from '../../shared/auth-state.ts';
import { s3Client } from '../../shared/aws-clients.ts';
import { config } from '../../shared/config.ts';

/** Writes of a key batch in flight at once; a first login uploads ~800 prekeys. */
const writeConcurrency = 24;

export interface S3AuthState {
  state: AuthenticationState;
  /** Persists the credentials; calls are serialized so an older write never lands last. */
  saveCreds(): Promise<void>;
  /** Resolves once every write started so far has landed (or rejects with the first failure). */
  flush(): Promise<void>;
}

/**
 * A session's Baileys auth state in S3 (KMS-encrypted by the bucket in the cloud): credentials in
 * one object, each Signal key in its own, read lazily and cached, so a reconnect reads one object
 * rather than hundreds. Values go through Baileys' BufferJSON so Buffers survive. Failed writes
 * are retried by the SDK, then thrown to Baileys, never swallowed.
 */
export async function loadS3AuthState(sessionId: string): Promise<S3AuthState> {
  const creds = ((await readObject(authStateKeys.creds(sessionId))) as AuthenticationState['creds'] | undefined) ?? initAuthCreds();
  const cache = new Map<string, unknown>();
  const pending = new Set<Promise<unknown>>();
  let credsWrite: Promise<void> = Promise.resolve();

  const track = <T>(work: Promise<T>): Promise<T> => {
    pending.add(work);
    void work.finally(() => pending.delete(work)).catch(() => undefined);
    return work;
  };

  const keys: SignalKeyStore = {
    async get<T extends keyof SignalDataTypeMap>(type: T, ids: string[]) {
      const found: { [id: string]: SignalDataTypeMap[T] } = {};
      await Promise.all(
        ids.map(async (id) => {
          const key = authStateKeys.signalKey(sessionId, type, id);
          if (!cache.has(key)) cache.set(key, (await readObject(key)) ?? null);
          let value = cache.get(key);
          if (value && type === 'app-state-sync-key') value = proto.Message.AppStateSyncKeyData.fromObject(value as object);
          if (value) found[id] = value as SignalDataTypeMap[T];
        }),
      );
      return found;
    },
    async set(data) {
      const writes: (() => Promise<void>)[] = [];
      for (const [type, values] of Object.entries(data)) {
        for (const [id, value] of Object.entries(values ?? {})) {
          const key = authStateKeys.signalKey(sessionId, type, id);
          cache.set(key, value ?? null);
          writes.push(() => (value ? writeObject(key, value) : deleteObject(key)));
        }
      }
      await track(inBatches(writes, writeConcurrency));
    },
  };

  return {
    state: { creds, keys },
    saveCreds: () => {
      credsWrite = credsWrite.catch(() => undefined).then(() => writeObject(authStateKeys.creds(sessionId), creds));
      return track(credsWrite);
    },
    flush: async () => {
      await Promise.all([...pending]);
    },
  };
}

async function inBatches(tasks: (() => Promise<void>)[], size: number): Promise<void> {
  for (let start = 0; start < tasks.length; start += size) {
    await Promise.all(tasks.slice(start, start + size).map((task) => task()));
  }
}

async function readObject(key: string): Promise<unknown> {
  try {
    const { Body } = await s3Client().send(new GetObjectCommand({ Bucket: config().AUTH_BUCKET_NAME, Key: key }));
    return JSON.parse((await Body?.transformToString()) ?? 'null', BufferJSON.reviver);
  } catch (error) {
    if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') return undefined;
    throw error;
  }
}

async function writeObject(key: string, value: unknown): Promise<void> {
  await s3Client().send(
    new PutObjectCommand({
      Bucket: config().AUTH_BUCKET_NAME,
      Key: key,
      Body: JSON.stringify(value, BufferJSON.replacer),
      ContentType: 'application/json',
    }),
  );
}

async function deleteObject(key: string): Promise<void> {
  await s3Client().send(new DeleteObjectCommand({ Bucket: config().AUTH_BUCKET_NAME, Key: key }));
}
