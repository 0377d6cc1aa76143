import type { Role } from '../auth/tokens.ts';

/** A user (the API never returns `passwordHash` or the key's HMAC/ciphertext). */
export interface User {
  id: number;
  email: string;
  role: Role;
  passwordHash: string;
  /** Bumped by a password change: tokens issued under an older version stop working. */
  tokenVersion: number;
  apiKeyHmac: string;
  apiKeyCiphertext: string;
  createdAt: string;
  updatedAt: string;
}
