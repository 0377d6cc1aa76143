import type { DynamoDBRecord } from 'aws-lambda';
import { logger } from '../logger.ts';
import { enqueueDeliveries } from './delivery-queue.ts';
import { storeEvent } from './event-store.ts';
import { listWebhooks } from './endpoints.ts';
import type { DeliveryJob } from './model.ts';
import { eventsOfRecord, sessionNameOf, type SessionNames } from './stream-events.ts';
import { wants } from './subscriptions.ts';

/** Records published together: their events stored, then queued, each step in parallel. */
const chunkSize = 25;

/**
 * Turns stream records into events: each event is stored for its tenant, then queued for every
 * endpoint that wants it. Records go in chunks, a chunk's writes in parallel (deliveries are not
 * ordered anyway; each event carries its time); lookups (a tenant's endpoints, a session's name)
 * are read once per batch. Answers the sequence number of the first record of a chunk that failed,
 * from which the stream retries; undefined when all were published. A retried record makes the
 * same event ids again, so it stores nothing twice.
 */
export async function publishRecords(records: readonly DynamoDBRecord[]): Promise<string | undefined> {
  const endpointsOf = memoize(listWebhooks);
  const sessionNames: SessionNames = memoize(sessionNameOf);
  for (let start = 0; start < records.length; start += chunkSize) {
    const chunk = records.slice(start, start + chunkSize);
    try {
      const events = (await Promise.all(chunk.map((record) => eventsOfRecord(record, sessionNames)))).flat();
      await Promise.all(events.map(storeEvent));
      const jobs = await Promise.all(
        events.map(async (event) =>
          (await endpointsOf(event.userId))
            .filter((endpoint) => wants(endpoint, event))
            .map((endpoint): DeliveryJob => ({ userId: event.userId, webhookId: endpoint.webhookId, eventId: event.id })),
        ),
      );
      await enqueueDeliveries(jobs.flat());
    } catch (error) {
      const [first] = chunk;
      logger().error('Could not publish the events of stream records; the stream retries from the first', {
        eventId: first?.eventID,
        error,
      });
      const sequenceNumber = first?.dynamodb?.SequenceNumber;
      if (sequenceNumber === undefined) throw error;
      return sequenceNumber;
    }
  }
  return undefined;
}

function memoize<K, V>(load: (key: K) => Promise<V>): (key: K) => Promise<V> {
  const cache = new Map<K, Promise<V>>();
  return (key) => {
    let value = cache.get(key);
    if (!value) {
      value = load(key);
      // A failed load is not remembered: the retry reads again.
      value.catch(() => cache.delete(key));
      cache.set(key, value);
    }
    return value;
  };
}
