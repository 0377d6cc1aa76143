import { createHmac, randomBytes } from 'node:crypto';
import { seal, unseal } from './sealed.ts';
import type { Secrets } from './secrets.ts';

/** Recognizable in logs and secret scanners; never valid as a JWT. */
export const apiKeyPrefix = 'whk_';
const apiKeyPattern = /^whk_[A-Za-z0-9_-]{43}$/;

export function generateApiKey(): string {
  return `${apiKeyPrefix}${randomBytes(32).toString('base64url')}`;
}

export function looksLikeApiKey(value: string): boolean {
  return apiKeyPattern.test(value);
}

/** The lookup value stored in the table: an HMAC under a secret pepper, so a table dump reveals no key. */
export function apiKeyHmac(apiKey: string, secrets: Secrets): string {
  return createHmac('sha256', secrets.apiKeyPepper).update(apiKey).digest('base64url');
}

/** Sealed, so `/auth/me` can show the key without the table holding it in plain text. */
export const encryptApiKey = seal;
export const decryptApiKey = unseal;
