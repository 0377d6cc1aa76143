import { setTimeout as sleep } from 'node:timers/promises';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  ResourceNotFoundException,
  TrimmedDataAccessException,
  type _Record as StreamRecord,
  type Shard,
} from '@aws-sdk/client-dynamodb-streams';
import { config } from '../../shared/config.ts';
import { logger } from '../../shared/logger.ts';
import { eventSourceSortKeys } from '../../shared/resources.ts';
import { handInOrder, type RetryPolicy, type StreamHandler } from './stream-batches.ts';
import { StreamCheckpoints } from './stream-checkpoints.ts';
import { passesFilter, toLambdaRecord } from './stream-records.ts';

export interface StreamReaderOptions {
  tableName: string;
  /** Where the position in each shard is kept across restarts. */
  checkpointFile: string;
  handler: StreamHandler;
  /** DynamoDB's endpoint; the configured one by default. */
  endpoint?: string;
  /** Records per invocation at most (the mapping's batch size). */
  batchSize?: number;
  /** How long a shard with nothing new waits before it is read again. */
  idlePollMs?: number;
  /** How often the stream's shards are listed, for new ones (a closed shard's children). */
  shardListingMs?: number;
  retry?: Partial<RetryPolicy>;
}

export interface StreamReader {
  /** Resolves once the running invocations have returned and positions are saved; no timer is left. */
  stop(): Promise<void>;
}

/** Batches of 100 and 10 retries of a failing record, as the CDK mapping has them; an idle shard is read again after 200 ms. */
const defaults = { batchSize: 100, idlePollMs: 200, shardListingMs: 1_000 };
const defaultRetry: RetryPolicy = { maxRetries: 10, firstDelayMs: 250, maxDelayMs: 5_000 };
/** After an unexpected error (DynamoDB Local restarting), before a shard is read again. */
const errorPauseMs = 1_000;

/**
 * Reads the table's DynamoDB stream (DynamoDB Local's) and hands its records to `handler` as
 * Lambda's event source mapping does: filtered to the items that make events, in order per shard,
 * a shard's parent read to its end before the shard. Starts where the checkpoint file left off, or
 * at the oldest record of a stream it has not read before.
 */
export async function startStreamReader(options: StreamReaderOptions): Promise<StreamReader> {
  const { AWS_REGION, DYNAMODB_ENDPOINT } = config();
  const endpoint = options.endpoint ?? DYNAMODB_ENDPOINT;
  const dynamo = new DynamoDBClient({ region: AWS_REGION, endpoint });
  const streams = new DynamoDBStreamsClient({ region: AWS_REGION, endpoint });
  try {
    const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: options.tableName }));
    const streamArn = Table?.LatestStreamArn;
    if (!Table?.StreamSpecification?.StreamEnabled || !streamArn) throw new Error(`The table ${options.tableName} has no stream`);
    const reader = new ShardReaders(streams, streamArn, AWS_REGION, new StreamCheckpoints(options.checkpointFile, streamArn), options);
    reader.start();
    return {
      stop: async () => {
        await reader.stop();
        streams.destroy();
      },
    };
  } catch (error) {
    streams.destroy();
    throw error;
  } finally {
    dynamo.destroy();
  }
}

/** One reader per shard; the shard listing starts the readers of shards that may be read. */
class ShardReaders {
  readonly #streams: DynamoDBStreamsClient;
  readonly #streamArn: string;
  readonly #region: string;
  readonly #checkpoints: StreamCheckpoints;
  readonly #handler: StreamHandler;
  readonly #settings: typeof defaults;
  readonly #retry: RetryPolicy;
  readonly #stopping = new AbortController();
  readonly #reading = new Map<string, Promise<void>>();
  #listing: Promise<void> | undefined;
  /** Ends the wait between two listings early, when a shard was read to its end. */
  #listNow = new AbortController();

  constructor(
    streams: DynamoDBStreamsClient,
    streamArn: string,
    region: string,
    checkpoints: StreamCheckpoints,
    options: StreamReaderOptions,
  ) {
    this.#streams = streams;
    this.#streamArn = streamArn;
    this.#region = region;
    this.#checkpoints = checkpoints;
    this.#handler = options.handler;
    this.#settings = {
      batchSize: options.batchSize ?? defaults.batchSize,
      idlePollMs: options.idlePollMs ?? defaults.idlePollMs,
      shardListingMs: options.shardListingMs ?? defaults.shardListingMs,
    };
    this.#retry = { ...defaultRetry, ...options.retry };
  }

  start(): void {
    this.#listing ??= this.#listShardsUntilStopped();
  }

  async stop(): Promise<void> {
    this.#stopping.abort();
    await this.#listing;
    await Promise.all(this.#reading.values());
    await this.#checkpoints.flushed();
  }

  async #listShardsUntilStopped(): Promise<void> {
    while (!this.#stopping.signal.aborted) {
      // Made before the listing, so that a shard read to its end meanwhile still cuts the wait short.
      const listNow = (this.#listNow = new AbortController());
      try {
        await this.#startReadableShards(await this.#shards());
      } catch (error) {
        logger().warn('Could not list the stream shards; trying again', { streamArn: this.#streamArn, error });
      }
      const wake = AbortSignal.any([this.#stopping.signal, listNow.signal]);
      await sleep(this.#settings.shardListingMs, undefined, { signal: wake }).catch(() => undefined);
    }
  }

  async #shards(): Promise<Shard[]> {
    const shards: Shard[] = [];
    let exclusiveStartShardId: string | undefined;
    do {
      const { StreamDescription } = await this.#streams.send(
        new DescribeStreamCommand({ StreamArn: this.#streamArn, ExclusiveStartShardId: exclusiveStartShardId }),
      );
      shards.push(...(StreamDescription?.Shards ?? []));
      exclusiveStartShardId = StreamDescription?.LastEvaluatedShardId;
    } while (exclusiveStartShardId);
    return shards;
  }

  /** A shard is read once its parent is read to its end, or gone from the stream (trimmed). */
  async #startReadableShards(shards: Shard[]): Promise<void> {
    const listed = new Set(shards.flatMap((shard) => (shard.ShardId ? [shard.ShardId] : [])));
    await this.#checkpoints.keepOnly(listed);
    for (const { ShardId: shardId, ParentShardId: parentId } of shards) {
      if (!shardId || this.#reading.has(shardId) || this.#checkpoints.of(shardId).finished) continue;
      if (parentId && listed.has(parentId) && !this.#checkpoints.of(parentId).finished) continue;
      const reading = this.#readShard(shardId).finally(() => {
        this.#reading.delete(shardId);
        this.#listNow.abort();
      });
      this.#reading.set(shardId, reading);
    }
  }

  /** Reads one shard until it is closed and read to its end, or the reader stops. */
  async #readShard(shardId: string): Promise<void> {
    const stopping = this.#stopping.signal;
    let iterator: string | undefined;
    while (!stopping.aborted) {
      try {
        iterator ??= await this.#iteratorAtCheckpoint(shardId);
        const { Records = [], NextShardIterator } = await this.#streams.send(
          new GetRecordsCommand({ ShardIterator: iterator, Limit: this.#settings.batchSize }),
        );
        iterator = NextShardIterator;
        if (Records.length > 0 && !(await this.#hand(shardId, Records))) return;
        if (!NextShardIterator) {
          await this.#checkpoints.save(shardId, { ...this.#checkpoints.of(shardId), finished: true });
          return;
        }
        if (Records.length === 0) await sleep(this.#settings.idlePollMs, undefined, { signal: stopping }).catch(() => undefined);
      } catch (error) {
        iterator = undefined;
        if (await this.#recover(shardId, error)) continue;
        return;
      }
    }
  }

  async #iteratorAtCheckpoint(shardId: string): Promise<string> {
    const { after } = this.#checkpoints.of(shardId);
    const { ShardIterator } = await this.#streams.send(
      new GetShardIteratorCommand({
        StreamArn: this.#streamArn,
        ShardId: shardId,
        ...(after ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after } : { ShardIteratorType: 'TRIM_HORIZON' }),
      }),
    );
    if (!ShardIterator) throw new Error(`No iterator for shard ${shardId}`);
    return ShardIterator;
  }

  /**
   * Hands the records that pass the filter to the handler; the records filtered out count as done.
   * False if the reader stopped first: the checkpoint then stays at the last record settled.
   */
  async #hand(shardId: string, records: StreamRecord[]): Promise<boolean> {
    const matching = records.filter((record) => passesFilter(record, eventSourceSortKeys));
    const done = (sequenceNumber: string) => this.#checkpoints.save(shardId, { after: sequenceNumber });
    const lambdaRecords = matching.map((record) => toLambdaRecord(record, this.#streamArn, this.#region));
    if (!(await handInOrder(lambdaRecords, this.#handler, this.#retry, done, this.#stopping.signal))) return false;
    const last = records.at(-1)?.dynamodb?.SequenceNumber;
    if (last && last !== this.#checkpoints.of(shardId).after) await done(last);
    return true;
  }

  /** Whether to go on reading the shard (from its checkpoint) after `error`. */
  async #recover(shardId: string, error: unknown): Promise<boolean> {
    // An iterator lives 15 minutes: a batch retried for longer outlives the one GetRecords gave.
    if (error instanceof ExpiredIteratorException) return true;
    if (error instanceof TrimmedDataAccessException) {
      // The stream keeps 24 hours; what the reader did not read by then is gone, as it would be in AWS.
      logger().error('Stream records were trimmed before they were read; reading on from the oldest record left', { shardId, error });
      await this.#checkpoints.save(shardId, {});
      return true;
    }
    if (error instanceof ResourceNotFoundException) {
      logger().warn('A stream shard is gone; its children are read next', { shardId, error });
      await this.#checkpoints.save(shardId, { ...this.#checkpoints.of(shardId), finished: true });
      return false;
    }
    if (this.#stopping.signal.aborted) return false;
    logger().warn('Could not read a stream shard; trying again', { shardId, error });
    await sleep(errorPauseMs, undefined, { signal: this.#stopping.signal }).catch(() => undefined);
    return true;
  }
}
