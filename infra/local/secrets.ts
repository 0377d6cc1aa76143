import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSecretsDocument } from '../../shared/auth/secrets.ts';

/**
 * The local stack's secrets document: generated once into the data folder (owner-only) and kept,
 * so tokens and stored API keys stay valid across restarts. Returns its path.
 */
export function ensureLocalSecrets(dataDir: string): string {
  const file = join(dataDir, 'secrets.json');
  try {
    writeFileSync(file, JSON.stringify(generateSecretsDocument(), null, 2), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return file;
}
