import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { GetSecretValueCommand, PutSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { z } from 'zod';
import { config } from '../config.ts';

const base64Key = z.string().refine((value) => Buffer.from(value, 'base64').length === 32, 'must be 32 bytes, base64');

/** The service's secrets: one JSON document in Secrets Manager (cloud) or in the local data folder. */
export const secretsSchema = z.object({
  jwtSigningKey: base64Key,
  apiKeyPepper: base64Key,
  apiKeyEncryptionKey: base64Key,
});

export interface Secrets {
  jwtSigningKey: Buffer;
  apiKeyPepper: Buffer;
  apiKeyEncryptionKey: Buffer;
}

/** A fresh secrets document, as the local stack writes it once and the CDK app generates it. */
export function generateSecretsDocument(): z.infer<typeof secretsSchema> {
  const key = () => randomBytes(32).toString('base64');
  return { jwtSigningKey: key(), apiKeyPepper: key(), apiKeyEncryptionKey: key() };
}

/**
 * Stores a fresh secrets document in the secret unless it already holds a valid one: the deploy-time
 * generator (a CloudFormation custom resource) runs on every create and update, and must never
 * replace keys that are in use.
 */
export async function initializeSecretsDocument(secretId: string): Promise<'generated' | 'kept'> {
  const client = new SecretsManagerClient({ region: config().AWS_REGION });
  try {
    const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
    if (SecretString && secretsSchema.safeParse(safeJson(SecretString)).success) return 'kept';
    await client.send(new PutSecretValueCommand({ SecretId: secretId, SecretString: JSON.stringify(generateSecretsDocument()) }));
    return 'generated';
  } finally {
    client.destroy();
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

let loading: Promise<Secrets> | undefined;

/** Read once per process (per Lambda cold start); a failure is retried by the next call. */
export function secrets(): Promise<Secrets> {
  loading ??= load().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

async function load(): Promise<Secrets> {
  const { SECRETS_ARN, SECRETS_FILE, AWS_REGION } = config();
  let raw: string | undefined;
  if (SECRETS_ARN) {
    const client = new SecretsManagerClient({ region: AWS_REGION });
    raw = (await client.send(new GetSecretValueCommand({ SecretId: SECRETS_ARN }))).SecretString;
    client.destroy();
  } else if (SECRETS_FILE) {
    raw = await readFile(SECRETS_FILE, 'utf8');
  }
  if (!raw) throw new Error('No secrets configured: set SECRETS_ARN (cloud) or SECRETS_FILE (local)');
  const document = secretsSchema.parse(JSON.parse(raw));
  return {
    jwtSigningKey: Buffer.from(document.jwtSigningKey, 'base64'),
    apiKeyPepper: Buffer.from(document.apiKeyPepper, 'base64'),
    apiKeyEncryptionKey: Buffer.from(document.apiKeyEncryptionKey, 'base64'),
  };
}
