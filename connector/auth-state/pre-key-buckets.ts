import type { SignalDataTypeMap } from '@whiskeysockets/baileys';
import { authStateKeys, preKeysPerBucket } from '../../shared/auth-state.ts';
import { KeyedTurns } from '../keyed-turns.ts';
import { deleteObject, readObject, writeObject } from './s3-json.ts';

type PreKey = SignalDataTypeMap['pre-key'];
type Bucket = Record<string, PreKey>;

/**
 * A session's one-time pre-keys. Baileys writes them hundreds at a time under sequential ids and
 * reads one only when a contact opens a Signal session, so they live in objects of
 * `preKeysPerBucket` consecutive ids (a first login: one write, not ~800) and are not kept in
 * memory. Every operation on a bucket, reads included, runs after the previous one (read, change,
 * write), so concurrent changes never drop each other's keys.
 */
export class PreKeyBuckets {
  readonly #sessionId: string;
  readonly #turns = new KeyedTurns<number>();

  constructor(sessionId: string) {
    this.#sessionId = sessionId;
  }

  async get(ids: string[]): Promise<Record<string, PreKey>> {
    const found: Record<string, PreKey> = {};
    await Promise.all(
      [...groupByBucket(ids)].map(([bucket, bucketIds]) =>
        this.#turns.run(bucket, async () => {
          const stored = await this.#read(bucket);
          for (const id of bucketIds) if (stored[id]) found[id] = stored[id];
        }),
      ),
    );
    return found;
  }

  /** Stores keys, and deletes those set to null; a bucket left empty is removed. */
  async set(values: Record<string, PreKey | null | undefined>): Promise<void> {
    await Promise.all(
      [...groupByBucket(Object.keys(values))].map(([bucket, bucketIds]) =>
        this.#turns.run(bucket, async () => {
          const stored = await this.#read(bucket);
          for (const id of bucketIds) {
            const value = values[id];
            if (value) stored[id] = value;
            else delete stored[id];
          }
          const key = authStateKeys.preKeyBucket(this.#sessionId, bucket);
          await (Object.keys(stored).length > 0 ? writeObject(key, stored) : deleteObject(key));
        }),
      ),
    );
  }

  async #read(bucket: number): Promise<Bucket> {
    return ((await readObject(authStateKeys.preKeyBucket(this.#sessionId, bucket))) as Bucket | undefined) ?? {};
  }
}

function groupByBucket(ids: string[]): Map<number, string[]> {
  const buckets = new Map<number, string[]>();
  for (const id of ids) {
    if (!/^\d+$/.test(id)) throw new Error(`Pre-key id ${JSON.stringify(id)} is not a whole number`);
    const bucket = Math.floor(Number(id) / preKeysPerBucket);
    const bucketIds = buckets.get(bucket);
    if (bucketIds) bucketIds.push(id);
    else buckets.set(bucket, [id]);
  }
  return buckets;
}
