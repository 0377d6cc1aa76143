import { createHash } from 'node:crypto';
import { encodeTime, ulid } from 'ulid';

const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * `evt_<ULID>` for the change `sourceId` names (a stream record's id), or for its `part` when the
 * record makes several events (the index of a history entry it appended): its time part is `at`,
 * its random part a hash of the source. A stream batch that is retried makes the same events under
 * the same ids, so receivers deduplicating by id see each change once.
 */
export function eventIdFor(sourceId: string, at: Date, part?: number): string {
  // A record's one event keeps the id it had before records made several.
  const source = part === undefined ? sourceId : `${sourceId}#${part}`;
  const digest = createHash('sha256').update(source).digest();
  // 16 Crockford characters of 5 bits each: the ULID's 80 random bits.
  const random = Array.from({ length: 16 }, (_, index) => crockford[readBits(digest, index * 5) & 31]).join('');
  return `evt_${encodeTime(at.getTime(), 10)}${random}`;
}

/** A fresh `evt_<ULID>`: an event no stream record made (`webhook.test`). */
export function newEventId(at = new Date()): string {
  return `evt_${ulid(at.getTime())}`;
}

/** The 5 bits starting at bit `offset` of `bytes`, big-endian. */
function readBits(bytes: Buffer, offset: number): number {
  const byte = offset >> 3;
  const word = ((bytes[byte] ?? 0) << 8) | (bytes[byte + 1] ?? 0);
  return word >> (11 - (offset & 7));
}
