import { createHash } from 'node:crypto';

/** A session's shard: a stable hash of its id, fixed at creation and stored on the session. */
export function shardOf(sessionId: string, shardCount: number): number {
  return createHash('sha256').update(sessionId).digest().readUInt32BE(0) % shardCount;
}
