import type { CloudFormationCustomResourceEvent, CloudFormationCustomResourceResponse } from 'aws-lambda';
import { initializeSecretsDocument } from '../../shared/auth/secrets.ts';
import { logger } from '../../shared/logger.ts';

/**
 * CloudFormation custom resource (deploy time): fills the service's secret with a generated secrets
 * document once, so no key ever appears in a template. Deleting the resource leaves the secret alone.
 * It always answers CloudFormation, which otherwise waits an hour for a reply.
 */
export async function handler(event: CloudFormationCustomResourceEvent): Promise<void> {
  const secretId = String(event.ResourceProperties.SecretId);
  let reply: Pick<CloudFormationCustomResourceResponse, 'Status' | 'Reason'> = { Status: 'SUCCESS', Reason: '' };
  try {
    if (event.RequestType !== 'Delete') logger().info('Secrets document', { outcome: await initializeSecretsDocument(secretId) });
  } catch (error) {
    logger().error('Could not initialize the secrets document', { error });
    reply = { Status: 'FAILED', Reason: error instanceof Error ? error.message : 'unknown error' };
  }
  const response: CloudFormationCustomResourceResponse = {
    ...reply,
    PhysicalResourceId: secretId,
    StackId: event.StackId,
    RequestId: event.RequestId,
    LogicalResourceId: event.LogicalResourceId,
  } as CloudFormationCustomResourceResponse;
  await fetch(event.ResponseURL, { method: 'PUT', headers: { 'content-type': '' }, body: JSON.stringify(response) });
}
