import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import {
  type AttributeValue,
  CreateTableCommand,
  DeleteItemCommand,
  DescribeTableCommand,
  DynamoDBClient,
  PutItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startDynamoDb } from '../../infra/local/emulators/dynamodb.ts';
import type { Emulator } from '../../infra/local/emulators/emulator.ts';
import { provision } from '../../infra/local/provision.ts';
import { startStreamReader, type StreamReader, type StreamReaderOptions } from '../../infra/local/stream-reader.ts';
import { s3Client, sqsClient } from '../../shared/aws-clients.ts';
import { config } from '../../shared/config.ts';
import { pollUntil } from '../support/poll.ts';

const region = config().AWS_REGION;
const folders: string[] = [];
const readers: StreamReader[] = [];
const clients: DynamoDBClient[] = [];

function newFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'stream-reader-'));
  folders.push(folder);
  return folder;
}

function dynamoAt(endpoint = config().DYNAMODB_ENDPOINT): DynamoDBClient {
  const client = new DynamoDBClient({ region, endpoint });
  clients.push(client);
  return client;
}

/** A table of its own, provisioned as the local stack provisions its table; answers its stream's ARN. */
async function newTable(dynamo: DynamoDBClient): Promise<{ tableName: string; streamArn: string }> {
  const tableName = `stream-${randomUUID().slice(0, 8)}`;
  await provision({ dynamo, sqs: sqsClient(), s3: s3Client() }, { tableName, queuePrefix: tableName, shardCount: 1, bucketNames: [] });
  const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: tableName }));
  return { tableName, streamArn: Table?.LatestStreamArn ?? '' };
}

/** A stream handler that keeps every event it is given, answering what `answer` says (by default: all handled). */
function recordingHandler(answer: (event: DynamoDBStreamEvent, call: number) => DynamoDBBatchResponse | void = () => undefined) {
  const calls: DynamoDBRecord[][] = [];
  return {
    calls,
    /** Each invocation's records, by their item's `pk`. */
    keys: () => calls.map((records) => records.map((record) => record.dynamodb?.Keys?.pk?.S)),
    handler: async (event: DynamoDBStreamEvent) => {
      calls.push(event.Records);
      return answer(event, calls.length);
    },
  };
}

async function startReader(options: StreamReaderOptions): Promise<StreamReader> {
  const reader = await startStreamReader({ retry: { firstDelayMs: 20 }, ...options });
  readers.push(reader);
  return reader;
}

const put = (dynamo: DynamoDBClient, tableName: string, pk: string, sk: string, more: Record<string, AttributeValue> = {}) =>
  dynamo.send(new PutItemCommand({ TableName: tableName, Item: { pk: { S: pk }, sk: { S: sk }, ...more } }));

async function putMessages(dynamo: DynamoDBClient, tableName: string, pks: string[]): Promise<void> {
  for (const pk of pks) await put(dynamo, tableName, pk, 'MESSAGE');
}

afterEach(async () => {
  await Promise.all(readers.splice(0).map((reader) => reader.stop()));
  clients.splice(0).forEach((client) => client.destroy());
  folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true }));
});

describe('the local stream reader', () => {
  it("hands a new table's message and session changes to the handler in the shape Lambda's mapping gives, in order, and nothing else", async () => {
    const dynamo = dynamoAt();
    const { tableName, streamArn } = await newTable(dynamo);
    const message = { pk: { S: 'USER#1' }, sk: { S: 'MESSAGE' } };
    const writtenAt = Math.floor(Date.now() / 1000);
    await put(dynamo, tableName, 'USER#1', 'MESSAGE', { status: { S: 'queued' }, blob: { B: Buffer.from('bytes') } });
    await put(dynamo, tableName, 'USER#1', 'WEBHOOK#wh_1');
    await dynamo.send(
      new UpdateItemCommand({
        TableName: tableName,
        Key: message,
        UpdateExpression: 'SET #status = :sent',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':sent': { S: 'sent' } },
      }),
    );
    await put(dynamo, tableName, 'SESSION#s1', 'SESSION', { status: { S: 'qr' } });
    await dynamo.send(new DeleteItemCommand({ TableName: tableName, Key: message }));
    const recorded = recordingHandler();

    await startReader({ tableName, checkpointFile: join(newFolder(), 'checkpoints.json'), handler: recorded.handler });
    await pollUntil(
      () => recorded.calls.flat(),
      (records) => records.length >= 4,
    );

    const records = recorded.calls.flat();
    expect(records.map((record) => [record.eventName, record.dynamodb?.Keys?.sk?.S])).toEqual([
      ['INSERT', 'MESSAGE'],
      ['MODIFY', 'MESSAGE'],
      ['INSERT', 'SESSION'],
      ['REMOVE', 'MESSAGE'],
    ]);
    const sequenceNumbers = records.map((record) => BigInt(record.dynamodb?.SequenceNumber ?? -1));
    expect(sequenceNumbers).toEqual([...sequenceNumbers].sort((a, b) => (a < b ? -1 : 1)));
    expect(records[1]).toEqual({
      eventID: expect.any(String),
      eventName: 'MODIFY',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: region,
      eventSourceARN: streamArn,
      dynamodb: {
        ApproximateCreationDateTime: expect.any(Number),
        Keys: message,
        NewImage: { ...message, status: { S: 'sent' }, blob: { B: Buffer.from('bytes').toString('base64') } },
        OldImage: { ...message, status: { S: 'queued' }, blob: { B: Buffer.from('bytes').toString('base64') } },
        SequenceNumber: expect.stringMatching(/^\d+$/),
        SizeBytes: expect.any(Number),
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
    });
    // Epoch seconds, as Lambda gives them (DynamoDB Local rounds them down to the minute).
    expect(records[1]?.dynamodb?.ApproximateCreationDateTime).toBeGreaterThan(writtenAt - 61);
    expect(records[1]?.dynamodb?.ApproximateCreationDateTime).toBeLessThanOrEqual(writtenAt + 1);
    expect(records[3]?.dynamodb).not.toHaveProperty('NewImage');
    expect(records[3]?.dynamodb?.OldImage).toEqual({
      ...message,
      status: { S: 'sent' },
      blob: { B: Buffer.from('bytes').toString('base64') },
    });
    // Plain JSON, as the event a Lambda function parses.
    expect(JSON.parse(JSON.stringify(recorded.calls))).toEqual(recorded.calls);
  });

  it('retries from the record the handler reports failed, and never hands the ones before it again', async () => {
    const dynamo = dynamoAt();
    const { tableName } = await newTable(dynamo);
    await putMessages(dynamo, tableName, ['a', 'b', 'c']);
    const recorded = recordingHandler((event, call) =>
      call === 1 ? { batchItemFailures: [{ itemIdentifier: event.Records[1]?.dynamodb?.SequenceNumber ?? '' }] } : undefined,
    );

    await startReader({ tableName, checkpointFile: join(newFolder(), 'checkpoints.json'), handler: recorded.handler });
    await pollUntil(recorded.keys, (calls) => calls.length >= 2);
    await putMessages(dynamo, tableName, ['d']);
    await pollUntil(recorded.keys, (calls) => calls.flat().includes('d'));

    expect(recorded.keys()).toEqual([['a', 'b', 'c'], ['b', 'c'], ['d']]);
  });

  it('splits the batch of a handler that throws, and skips a record that keeps failing after its retries', async () => {
    const dynamo = dynamoAt();
    const { tableName } = await newTable(dynamo);
    await putMessages(dynamo, tableName, ['a', 'poison', 'c', 'd']);
    const recorded = recordingHandler((event) => {
      if (event.Records.some((record) => record.dynamodb?.Keys?.pk?.S === 'poison')) throw new Error('cannot publish this one');
    });

    await startReader({
      tableName,
      checkpointFile: join(newFolder(), 'checkpoints.json'),
      handler: recorded.handler,
      retry: { maxRetries: 2, firstDelayMs: 10 },
    });
    await pollUntil(recorded.keys, (calls) => calls.flat().includes('d'));
    await putMessages(dynamo, tableName, ['e']);
    await pollUntil(recorded.keys, (calls) => calls.flat().includes('e'));

    expect(recorded.keys()).toEqual([
      ['a', 'poison', 'c', 'd'],
      ['a', 'poison'],
      ['a'],
      ['poison'],
      ['poison'],
      ['poison'],
      ['c', 'd'],
      ['e'],
    ]);
  });

  it('resumes after a restart from the last record handled: none handed twice, none missed', async () => {
    const dynamo = dynamoAt();
    const { tableName } = await newTable(dynamo);
    const checkpointFile = join(newFolder(), 'checkpoints.json');
    await putMessages(dynamo, tableName, ['a', 'b']);
    const first = recordingHandler();
    const firstReader = await startReader({ tableName, checkpointFile, handler: first.handler });
    await pollUntil(first.keys, (calls) => calls.flat().length >= 2);
    await firstReader.stop();

    await putMessages(dynamo, tableName, ['c', 'd']);
    const second = recordingHandler();
    await startReader({ tableName, checkpointFile, handler: second.handler });
    await pollUntil(second.keys, (calls) => calls.flat().length >= 2);

    expect(first.keys().flat()).toEqual(['a', 'b']);
    expect(second.keys().flat()).toEqual(['c', 'd']);
  });

  it('gives a table made before webhooks its stream', async () => {
    const dynamo = dynamoAt();
    const tableName = `stream-${randomUUID().slice(0, 8)}`;
    await dynamo.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
      }),
    );

    await provision({ dynamo, sqs: sqsClient(), s3: s3Client() }, { tableName, queuePrefix: tableName, shardCount: 1, bucketNames: [] });

    const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: tableName }));
    expect(Table?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
  });
});

/**
 * DynamoDB Local never rolls a stream's shard over by itself (its rollover job is only scheduled by
 * the embedded, in-process variant), so this closes the shard the way that job does, in Local's
 * SQLite file while it is stopped: the shard gets its last sequence number, and a child shard
 * takes the writes that follow.
 */
describe('the local stream reader, when a shard closes', () => {
  let emulator: Emulator | undefined;
  afterAll(() => emulator?.stop());

  function rollOver(dataDir: string, streamArn: string): void {
    const db = new DatabaseSync(join(dataDir, 'shared-local-instance.db'));
    try {
      const open = db.prepare('SELECT ShardID FROM ss WHERE StreamID = ? AND SequenceNumberEnd IS NULL').get(streamArn) as {
        ShardID: string;
      };
      const { last } = db.prepare('SELECT MAX(SequenceNumber) AS last FROM us').get() as { last: number };
      const now = Date.now();
      db.prepare(
        'UPDATE ss SET SequenceNumberEnd = (SELECT MAX(SequenceNumber) FROM us WHERE ShardID = ?), DeletionDateTime = ? WHERE ShardID = ?',
      ).run(open.ShardID, now, open.ShardID);
      const child = `shardId-${String(now).padStart(20, '0')}-${randomBytes(4).toString('hex')}`;
      db.prepare(
        'INSERT INTO ss (StreamID, ShardID, CreationDateTime, DeletionDateTime, InitialSequenceNumberStart, SequenceNumberEnd, ParentShardID) VALUES (?, ?, ?, NULL, ?, NULL, ?)',
      ).run(streamArn, child, now, last + 1, open.ShardID);
    } finally {
      db.close();
    }
  }

  it('reads the closed shard to its end, then its child, across a restart of both', { timeout: 90_000 }, async () => {
    const dataDir = newFolder();
    const checkpointFile = join(newFolder(), 'checkpoints.json');
    emulator = await startDynamoDb({ dataDir });
    let dynamo = dynamoAt(emulator.endpoint);
    const { tableName, streamArn } = await newTable(dynamo);
    await putMessages(dynamo, tableName, ['a']);
    const first = recordingHandler();
    const firstReader = await startReader({ tableName, checkpointFile, handler: first.handler, endpoint: emulator.endpoint });
    await pollUntil(first.keys, (calls) => calls.flat().length >= 1);
    await firstReader.stop();
    // Written to the shard that closes, after the reader stopped.
    await putMessages(dynamo, tableName, ['b']);
    await emulator.stop();

    rollOver(dataDir, streamArn);
    emulator = await startDynamoDb({ dataDir });
    dynamo = dynamoAt(emulator.endpoint);
    await putMessages(dynamo, tableName, ['c', 'd']);
    const second = recordingHandler();
    await startReader({ tableName, checkpointFile, handler: second.handler, endpoint: emulator.endpoint });
    await pollUntil(second.keys, (calls) => calls.flat().length >= 3);

    expect(first.keys().flat()).toEqual(['a']);
    expect(second.keys().flat()).toEqual(['b', 'c', 'd']);
    const streams = new DynamoDBStreamsClient({ region, endpoint: emulator.endpoint });
    const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    streams.destroy();
    const [parent, child] = StreamDescription?.Shards ?? [];
    expect(parent?.SequenceNumberRange?.EndingSequenceNumber).toBeDefined();
    expect(child?.ParentShardId).toBe(parent?.ShardId);
    const checkpoints = JSON.parse(readFileSync(checkpointFile, 'utf8')) as { shards: Record<string, { finished?: boolean }> };
    expect(checkpoints.shards[parent?.ShardId ?? '']?.finished).toBe(true);
  });
});
