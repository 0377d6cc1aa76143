import { readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { LocalStackError } from './errors.ts';

/** How far the reader got in one shard: after which record, and whether it read the shard to its end. */
export interface ShardCheckpoint {
  /** The sequence number of the last record handled (or filtered out); none yet: the shard's start. */
  after?: string;
  /** A closed shard read to its end: its children may be read. */
  finished?: boolean;
}

interface CheckpointFile {
  streamArn: string;
  shards: Record<string, ShardCheckpoint>;
}

/**
 * The stream reader's position in each shard, kept in a file so that a restart resumes after the
 * last record handled: nothing replayed, nothing missed (within the stream's 24 hours). Positions
 * of another stream (a new table, a new data folder) are not this stream's and are dropped.
 */
export class StreamCheckpoints {
  readonly #file: string;
  readonly #contents: CheckpointFile;
  #writes: Promise<void> = Promise.resolve();

  constructor(file: string, streamArn: string) {
    this.#file = file;
    const stored = readCheckpointFile(file);
    this.#contents = stored?.streamArn === streamArn ? stored : { streamArn, shards: {} };
  }

  of(shardId: string): ShardCheckpoint {
    return this.#contents.shards[shardId] ?? {};
  }

  /** Records the position, and writes the file (one write at a time, each replacing the file whole). */
  save(shardId: string, checkpoint: ShardCheckpoint): Promise<void> {
    this.#contents.shards[shardId] = checkpoint;
    return this.#write();
  }

  /** Forgets the shards the stream no longer has (trimmed 24 hours after they closed). */
  keepOnly(shardIds: ReadonlySet<string>): Promise<void> {
    const gone = Object.keys(this.#contents.shards).filter((shardId) => !shardIds.has(shardId));
    if (gone.length === 0) return this.#writes;
    for (const shardId of gone) delete this.#contents.shards[shardId];
    return this.#write();
  }

  /** Resolves once every position saved so far is on disk. */
  flushed(): Promise<void> {
    return this.#writes;
  }

  #write(): Promise<void> {
    const text = JSON.stringify(this.#contents, null, 2);
    const temporary = `${this.#file}.tmp`;
    // A failed write fails its own caller only; the next one replaces the file whole anyway.
    this.#writes = this.#writes
      .catch(() => undefined)
      .then(async () => {
        await mkdir(dirname(this.#file), { recursive: true });
        await writeFile(temporary, text);
        await rename(temporary, this.#file);
      });
    return this.#writes;
  }
}

function readCheckpointFile(file: string): CheckpointFile | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    return JSON.parse(text) as CheckpointFile;
  } catch {
    throw new LocalStackError(`${file} is not a stream checkpoint file: delete it, and the stream is read from its oldest record`);
  }
}
