import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where a running local stack can be reached; ops commands (`npm run admin:create`) read it. */
export interface StackFile {
  apiUrl: string;
  env: Record<string, string>;
}

const fileName = 'local-stack.json';

export function writeStackFile(dataDir: string, contents: StackFile): void {
  writeFileSync(join(dataDir, fileName), JSON.stringify(contents, null, 2), { mode: 0o600 });
}

export function removeStackFile(dataDir: string): void {
  rmSync(join(dataDir, fileName), { force: true });
}

export function readStackFile(dataDir: string): StackFile | undefined {
  try {
    return JSON.parse(readFileSync(join(dataDir, fileName), 'utf8')) as StackFile;
  } catch {
    return undefined;
  }
}
