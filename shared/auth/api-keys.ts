import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
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

/** AES-256-GCM, so `/auth/me` can show the key without the table holding it in plain text. */
export function encryptApiKey(apiKey: string, secrets: Secrets): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', secrets.apiKeyEncryptionKey, iv);
  const ciphertext = Buffer.concat([cipher.update(apiKey, 'utf8'), cipher.final()]);
  return [iv, ciphertext, cipher.getAuthTag()].map((part) => part.toString('base64url')).join('.');
}

export function decryptApiKey(sealed: string, secrets: Secrets): string {
  const [iv, ciphertext, tag] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
  if (!iv || !ciphertext || !tag) throw new Error('Malformed API key ciphertext');
  const decipher = createDecipheriv('aes-256-gcm', secrets.apiKeyEncryptionKey, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
}
