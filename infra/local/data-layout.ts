import { GetItemCommand, PutItemCommand, ScanCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { keys } from '../../shared/keys.ts';
import { LocalStackError } from './errors.ts';

/**
 * The layout of the table's data. Raise it when a change makes older data unreadable (2: session
 * names per tenant, sessions keyed by an internal id); the local stack then refuses older data with
 * a clear message instead of failing on it later.
 */
export const dataLayoutVersion = 2;

/** Marks a new (empty) table with the current layout; refuses a table written with an older one. */
export async function checkDataLayout(dynamo: DynamoDBClient, tableName: string, dataDir: string): Promise<void> {
  const marker = keys.dataLayout();
  const { Item } = await dynamo.send(
    new GetItemCommand({ TableName: tableName, Key: { pk: { S: marker.pk }, sk: { S: marker.sk } }, ConsistentRead: true }),
  );
  const version = Item?.version?.N === undefined ? undefined : Number(Item.version.N);
  if (version === dataLayoutVersion) return;
  const { Count = 0 } =
    version === undefined ? await dynamo.send(new ScanCommand({ TableName: tableName, Limit: 1, Select: 'COUNT' })) : { Count: 1 };
  if (Count > 0) {
    throw new LocalStackError(
      `The data in ${dataDir} was written by an older version of WhatsApp Hub (layout ${version ?? 1}, this one reads ${dataLayoutVersion}: sessions are now named per tenant). ` +
        'Start afresh: stop, move or delete that folder (or set DATA_DIR to a new one), and run npm start again; linked phones must be linked again.',
    );
  }
  await dynamo.send(
    new PutItemCommand({
      TableName: tableName,
      Item: { pk: { S: marker.pk }, sk: { S: marker.sk }, version: { N: String(dataLayoutVersion) } },
    }),
  );
}
