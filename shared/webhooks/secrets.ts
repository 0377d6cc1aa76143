import { randomBytes } from 'node:crypto';
import { seal, unseal } from '../auth/sealed.ts';
import { secrets } from '../auth/secrets.ts';
import type { EndpointSecret } from './model.ts';

/** Standard Webhooks' form: `whsec_` and the base64 of the key's bytes (32, as HMAC-SHA256 wants). */
export function generateSigningSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

export async function sealSigningSecret(secret: string, createdAt: string): Promise<EndpointSecret> {
  return { sealed: seal(secret, await secrets()), createdAt };
}

/** The secrets that sign now, newest first: the current one, and the previous one during its overlap. */
export async function signingSecrets(stored: readonly EndpointSecret[], now = new Date()): Promise<string[]> {
  const keys = await secrets();
  const epochSeconds = Math.floor(now.getTime() / 1000);
  return stored
    .filter((secret) => secret.expiresAt === undefined || secret.expiresAt > epochSeconds)
    .map((secret) => unseal(secret.sealed, keys));
}
