import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { requireShim } from '../../infra/constructs/service-function.ts';
import { lambdaEntry } from '../../infra/paths.ts';
import { authorizers } from '../../shared/http/authorizers.ts';
import { routeList } from '../../shared/routes.ts';
import { report, round, summarize, type Figure } from './report.ts';

/**
 * Every handler of the route table (and the two authorizers) bundled as the CDK bundles it, its
 * size, and its cold init (a fresh process: import + first invoke) against an empty handler
 * bundled the same way.
 */
const coldRuns = 5;
const folder = mkdtempSync(join(tmpdir(), 'whatsapp-hub-bundles-'));

// The settings of infra/constructs/service-function.ts; source maps go to their own file, not counted.
async function bundle(entry: string, name: string): Promise<string> {
  const outfile = join(folder, `${name.replace(/\//g, '-')}.mjs`);
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    mainFields: ['module', 'main'],
    minify: true,
    sourcemap: 'external',
    banner: { js: requireShim },
    logLevel: 'error',
  });
  return outfile;
}

// Runs in a fresh Node: time from the script's start to the first invocation's answer. The event
// carries no caller, so handlers answer from validation or authorization without reaching AWS.
const probe = `
const started = performance.now();
const { handler } = await import(process.argv[1]);
await handler({ httpMethod: 'POST', path: '/', resource: '/', headers: {}, body: null, requestContext: {} }, { getRemainingTimeInMillis: () => 29000, functionName: 'bench', awsRequestId: 'bench' }).catch(() => undefined);
process.stdout.write(String(performance.now() - started));
`;
const coldEnv = {
  PATH: process.env.PATH,
  STAGE: 'test',
  LOG_LEVEL: 'SILENT',
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'x',
  AWS_SECRET_ACCESS_KEY: 'x',
  POWERTOOLS_METRICS_DISABLED: 'true',
};
function coldInitMs(file: string): number {
  const runs = Array.from({ length: coldRuns }, () =>
    Number(
      execFileSync(process.execPath, ['--input-type=module', '-e', probe, file], {
        env: coldEnv,
        encoding: 'utf8',
        timeout: 30_000,
        stdio: ['ignore', 'pipe', 'ignore'],
      }),
    ),
  );
  return summarize(runs).p50;
}

try {
  const emptyEntry = join(folder, 'empty.ts');
  writeFileSync(emptyEntry, 'export const handler = async () => ({});\n');
  const empty = await bundle(emptyEntry, 'empty');
  const emptyMs = coldInitMs(empty);
  const handlers = [
    ...new Set([...routeList.map((route) => route.handler), ...Object.values(authorizers).map((authorizer) => authorizer.handler)]),
  ];
  const rows = [];
  for (const handler of handlers) {
    const file = await bundle(lambdaEntry(handler), handler);
    const ms = coldInitMs(file);
    rows.push({ handler, kib: statSync(file).size / 1024, coldInitMs: ms, ratio: ms / emptyMs });
  }
  const figures: Figure[] = [
    { metric: 'empty handler: size / cold init', value: `${round(statSync(empty).size / 1024, 2)} KiB / ${round(emptyMs)} ms`, unit: '' },
    ...rows.map((row) => ({
      metric: row.handler,
      value: `${round(row.kib)} KiB / ${round(row.coldInitMs)} ms / ×${round(row.ratio)}`,
      unit: 'size / cold init / vs empty',
    })),
  ];
  report('bundles', figures, {
    coldRuns,
    emptyColdInitMs: emptyMs,
    handlers: rows,
    note: 'cold init = p50 of fresh processes, import + first invoke with an event that needs no AWS call; system/health checks its dependencies even then, so its figure includes failed connections',
  });
} finally {
  rmSync(folder, { recursive: true, force: true });
}
