import { fileURLToPath } from 'node:url';

/** The repository root: the connector image's build context and the Lambdas' project root. */
export const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));

/** The source module of a handler under `lambdas/` (`auth/login` → `lambdas/auth/login.ts`). */
export function lambdaEntry(handler: string): string {
  return fileURLToPath(new URL(`../lambdas/${handler}.ts`, import.meta.url));
}
