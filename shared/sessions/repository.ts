import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient } from '../aws-clients.ts';
import { tableName } from '../db.ts';
import { indexNames, keys } from '../keys.ts';
import type { SessionView } from '../schemas/sessions.ts';

/** Every session the user owns, oldest first. */
export async function listSessionsOfUser(userId: number): Promise<SessionView[]> {
  const sessions: SessionView[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await dynamoClient().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: indexNames.gsi1,
        KeyConditionExpression: 'gsi1pk = :owner',
        ExpressionAttributeValues: { ':owner': keys.sessionsOfUser(userId).gsi1pk },
        ExclusiveStartKey: start,
      }),
    );
    sessions.push(...(page.Items ?? []).map(toSessionView));
    start = page.LastEvaluatedKey;
  } while (start);
  return sessions;
}

function toSessionView(item: Record<string, unknown>): SessionView {
  return {
    sessionId: String(item.sessionId),
    phoneNumber: String(item.phoneNumber),
    status: item.status as SessionView['status'],
    userId: Number(item.userId),
    createdAt: String(item.createdAt),
    updatedAt: String(item.updatedAt),
  };
}
