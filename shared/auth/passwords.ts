import bcrypt from 'bcryptjs';
import { config } from '../config.ts';

/** bcrypt reads at most 72 bytes; longer passwords are rejected rather than silently truncated. */
export const passwordMinLength = 8;
export const passwordMaxBytes = 72;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, config().BCRYPT_COST);
}

let dummyHash: Promise<string> | undefined;

/**
 * Compares against the stored hash, or against a dummy hash of the same cost when there is no user,
 * so an unknown email takes as long as a wrong password.
 */
export async function verifyPassword(password: string, hash: string | undefined): Promise<boolean> {
  dummyHash ??= bcrypt.hash('no user has this password', config().BCRYPT_COST);
  const matches = await bcrypt.compare(password, hash ?? (await dummyHash));
  return hash !== undefined && matches;
}
