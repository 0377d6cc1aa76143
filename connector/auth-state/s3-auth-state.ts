import { initAuthCreds, proto, type AuthenticationState, type SignalDataTypeMap, type SignalKeyStore } from '@whiskeysockets/baileys';
import { authStateKeys } from '../../shared/auth-state.ts';
import { PreKeyBuckets } from './pre-key-buckets.ts';
import { deleteObject, readObject, writeObject } from './s3-json.ts';

/** Writes of a key batch in flight at once. */
const writeConcurrency = 24;

export interface S3AuthState {
  state: AuthenticationState;
  /** Persists the credentials; calls are serialized so an older write never lands last. */
  saveCreds(): Promise<void>;
  /**
   * Refuses every later write, then resolves once the writes already started have landed (or
   * rejects with the first failure). A released socket's Baileys may still be finishing work (a
   * device-list fetch, a transaction); its late writes must not land after the state is deleted.
   */
  close(): Promise<void>;
}

/**
 * A session's Baileys auth state in S3 (KMS-encrypted by the bucket in the cloud): credentials in
 * one object, pre-keys in buckets (see PreKeyBuckets), and each other Signal key in its own object,
 * read lazily and cached, so a reconnect reads a handful of objects rather than hundreds. Failed
 * writes are retried by the SDK, then thrown to Baileys, never swallowed.
 */
export async function loadS3AuthState(sessionId: string): Promise<S3AuthState> {
  const creds = ((await readObject(authStateKeys.creds(sessionId))) as AuthenticationState['creds'] | undefined) ?? initAuthCreds();
  const preKeys = new PreKeyBuckets(sessionId);
  // Holds the read, not its result, so a set during the read is not overwritten by the older value.
  const cache = new Map<string, Promise<unknown>>();
  const pending = new Set<Promise<unknown>>();
  let credsWrite: Promise<void> = Promise.resolve();
  let closed = false;
  const refuseIfClosed = () => {
    if (closed) throw new Error(`The auth state of session ${sessionId} is closed: the session was released`);
  };

  const track = <T>(work: Promise<T>): Promise<T> => {
    pending.add(work);
    void work.finally(() => pending.delete(work)).catch(() => undefined);
    return work;
  };

  const readThrough = (key: string): Promise<unknown> => {
    const read = readObject(key).then((value) => value ?? null);
    cache.set(key, read);
    // A failed read is forgotten, so the next get asks S3 again.
    void read.catch(() => {
      if (cache.get(key) === read) cache.delete(key);
    });
    return read;
  };

  const keys: SignalKeyStore = {
    async get<T extends keyof SignalDataTypeMap>(type: T, ids: string[]) {
      if (type === 'pre-key') return (await preKeys.get(ids)) as { [id: string]: SignalDataTypeMap[T] };
      const found: { [id: string]: SignalDataTypeMap[T] } = {};
      await Promise.all(
        ids.map(async (id) => {
          const key = authStateKeys.signalKey(sessionId, type, id);
          let value = await (cache.get(key) ?? readThrough(key));
          if (value && type === 'app-state-sync-key') value = proto.Message.AppStateSyncKeyData.fromObject(value);
          if (value) found[id] = value as SignalDataTypeMap[T];
        }),
      );
      return found;
    },
    async set(data) {
      refuseIfClosed();
      const writes: (() => Promise<void>)[] = [];
      const { 'pre-key': preKeyValues, ...others } = data;
      if (preKeyValues) writes.push(() => preKeys.set(preKeyValues));
      for (const [type, values] of Object.entries(others)) {
        for (const [id, value] of Object.entries(values ?? {})) {
          const key = authStateKeys.signalKey(sessionId, type, id);
          cache.set(key, Promise.resolve(value ?? null));
          writes.push(() => (value ? writeObject(key, value) : deleteObject(key)));
        }
      }
      await track(inBatches(writes, writeConcurrency));
    },
  };

  return {
    state: { creds, keys },
    saveCreds: async () => {
      refuseIfClosed();
      credsWrite = credsWrite.catch(() => undefined).then(() => writeObject(authStateKeys.creds(sessionId), creds));
      await track(credsWrite);
    },
    close: async () => {
      closed = true;
      await Promise.all([...pending]);
    },
  };
}

async function inBatches(tasks: (() => Promise<void>)[], size: number): Promise<void> {
  for (let start = 0; start < tasks.length; start += size) {
    await Promise.all(tasks.slice(start, start + size).map((task) => task()));
  }
}
