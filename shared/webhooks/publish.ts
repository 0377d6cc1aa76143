import type { DynamoDBRecord } from 'aws-lambda';
import { logger } from '../logger.ts';
import { enqueueDeliveries } from './delivery-queue.ts';
import { storeEvent } from './event-store.ts';
import { listWebhooks } from './endpoints.ts';
import type { DeliveryJob } from './model.ts';
import { eventsOfRecord, sessionNameOf, type SessionNames } from './stream-events.ts';
import { wants } from './subscriptions.ts';

/**
 * Turns stream records into events, in order: each event is stored for its tenant, then queued for
 * every endpoint that wants it. Lookups (a tenant's endpoints, a session's name) are read once per
 * batch. Answers the sequence number of the first record that failed, from which the stream
 * retries; undefined when all were published. A retried record makes the same event ids again.
 */
export async function publishRecords(records: readonly DynamoDBRecord[]): Promise<string | undefined> {
  const endpointsOf = memoize(listWebhooks);
  const sessionNames: SessionNames = memoize(sessionNameOf);
  for (const record of records) {
    try {
      for (const event of await eventsOfRecord(record, sessionNames)) {
        await storeEvent(event);
        const jobs = (await endpointsOf(event.userId))
          .filter((endpoint) => wants(endpoint, event))
          .map((endpoint): DeliveryJob => ({ userId: event.userId, webhookId: endpoint.webhookId, eventId: event.id }));
        await enqueueDeliveries(jobs);
      }
    } catch (error) {
      logger().error('Could not publish the events of a stream record; the stream retries from it', { eventId: record.eventID, error });
      const sequenceNumber = record.dynamodb?.SequenceNumber;
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
