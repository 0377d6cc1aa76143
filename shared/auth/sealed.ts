import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Secrets } from './secrets.ts';

/**
 * AES-256-GCM under the service's encryption key, for secrets the service must show or use again
 * (API keys, webhook signing secrets) without the table holding them in plain text.
 */
export function seal(plain: string, secrets: Secrets): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', secrets.apiKeyEncryptionKey, iv);
  const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [iv, ciphertext, cipher.getAuthTag()].map((part) => part.toString('base64url')).join('.');
}

export function unseal(sealed: string, secrets: Secrets): string {
  const [iv, ciphertext, tag] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
  if (!iv || !ciphertext || !tag) throw new Error('Malformed sealed secret');
  const decipher = createDecipheriv('aes-256-gcm', secrets.apiKeyEncryptionKey, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
}
