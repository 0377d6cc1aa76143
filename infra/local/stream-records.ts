import type { AttributeValue as StreamAttributeValue, _Record as StreamRecord } from '@aws-sdk/client-dynamodb-streams';
import type { AttributeValue, DynamoDBRecord } from 'aws-lambda';

/**
 * The stream filter the CDK event source mapping applies (`dynamodb.Keys.sk.S` is one of these):
 * records of other items never reach the handler.
 */
export function passesFilter(record: StreamRecord, sortKeys: readonly string[]): boolean {
  const sortKey = record.dynamodb?.Keys?.sk?.S;
  return sortKey !== undefined && sortKeys.includes(sortKey);
}

/**
 * A record as GetRecords answers it (the SDK's shape: dates, bytes) → the record Lambda's DynamoDB
 * event source mapping hands a function (JSON: epoch seconds, base64), with its stream's ARN.
 * `awsRegion` is the stack's region: DynamoDB Local names every record's region `ddblocal`.
 */
export function toLambdaRecord(record: StreamRecord, streamArn: string, region: string): DynamoDBRecord {
  const change = record.dynamodb ?? {};
  const created = change.ApproximateCreationDateTime;
  return {
    eventID: record.eventID,
    eventName: record.eventName,
    eventVersion: record.eventVersion,
    eventSource: record.eventSource,
    awsRegion: region,
    dynamodb: {
      ...(created ? { ApproximateCreationDateTime: Math.floor(created.getTime() / 1000) } : {}),
      Keys: attributes(change.Keys),
      ...(change.NewImage ? { NewImage: attributes(change.NewImage) } : {}),
      ...(change.OldImage ? { OldImage: attributes(change.OldImage) } : {}),
      SequenceNumber: change.SequenceNumber,
      SizeBytes: change.SizeBytes,
      StreamViewType: change.StreamViewType,
    },
    eventSourceARN: streamArn,
    // Present on TTL deletions only: { type: 'Service', principalId: 'dynamodb.amazonaws.com' }.
    ...(record.userIdentity ? { userIdentity: { type: record.userIdentity.Type, principalId: record.userIdentity.PrincipalId } } : {}),
  };
}

function attributes(image: Record<string, StreamAttributeValue> | undefined): Record<string, AttributeValue> | undefined {
  return image && Object.fromEntries(Object.entries(image).map(([name, value]) => [name, attributeValue(value)]));
}

/** The SDK's attribute value → its JSON form, binary values base64 as Lambda sends them. */
function attributeValue(value: StreamAttributeValue): AttributeValue {
  if (value.S !== undefined) return { S: value.S };
  if (value.N !== undefined) return { N: value.N };
  if (value.BOOL !== undefined) return { BOOL: value.BOOL };
  if (value.NULL !== undefined) return { NULL: value.NULL };
  if (value.B !== undefined) return { B: base64(value.B) };
  if (value.SS !== undefined) return { SS: value.SS };
  if (value.NS !== undefined) return { NS: value.NS };
  if (value.BS !== undefined) return { BS: value.BS.map(base64) };
  if (value.L !== undefined) return { L: value.L.map(attributeValue) };
  if (value.M !== undefined) return { M: attributes(value.M) ?? {} };
  throw new Error(`Unknown attribute value type: ${Object.keys(value).join(', ')}`);
}

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
