import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Runs every benchmark (or those named: `node test/bench/run.ts api failover`), each in its own process. */
const folder = fileURLToPath(new URL('.', import.meta.url));
const all = readdirSync(folder)
  .filter((file) => file.endsWith('.bench.ts'))
  .map((file) => file.replace('.bench.ts', ''))
  .sort();
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !all.includes(name));
if (unknown.length > 0) {
  console.error(`Unknown benchmark: ${unknown.join(', ')} (known: ${all.join(', ')})`);
  process.exit(2);
}

// What a benchmark must not leave behind: DynamoDB Local's JVM and connector processes.
const leftovers = () => {
  const found = spawnSync('pgrep', ['-f', 'DynamoDBLocal|connector/main.ts'], { encoding: 'utf8' }).stdout.trim();
  return new Set(found ? found.split('\n') : []);
};

let failed = 0;
for (const name of wanted.length > 0 ? wanted : all) {
  const before = leftovers();
  const started = Date.now();
  const run = spawnSync(process.execPath, [`${folder}${name}.bench.ts`], { stdio: 'inherit', timeout: 10 * 60_000 });
  console.log(
    `${name}: ${run.status === 0 ? 'done' : `FAILED (${run.signal ?? run.status})`} in ${Math.round((Date.now() - started) / 1000)} s`,
  );
  if (run.status !== 0) failed++;
  const orphans = [...leftovers()].filter((pid) => !before.has(pid));
  if (orphans.length > 0) {
    console.error(
      `${name} left processes running: ${execFileSync('ps', ['-o', 'pid,args', '-p', orphans.join(',')], { encoding: 'utf8' })}`,
    );
    failed++;
  }
}
process.exit(failed > 0 ? 1 : 0);
