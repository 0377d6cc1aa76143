import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One line of a benchmark's table: a figure, its unit, and the target it is held against, if any. */
export interface Figure {
  metric: string;
  value: number | string;
  unit: string;
  target?: string;
  /** Whether the figure meets its target; absent when there is none. */
  met?: boolean;
}

export interface Summary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
}

/** Nearest-rank percentiles of a sample. */
export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('No samples to summarize');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
  return {
    count: sorted.length,
    p50: rank(50),
    p95: rank(95),
    p99: rank(99),
    mean: sorted.reduce((sum, value) => sum + value, 0) / sorted.length,
    max: sorted[sorted.length - 1]!,
  };
}

export const round = (value: number, digits = 1) => Number(value.toFixed(digits));

/** The machine the figures come from, as the README records it. */
export function machine() {
  const model = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model ?? 'unknown';
  return {
    cpuModel: model.trim(),
    nproc: Number(execFileSync('nproc', { encoding: 'utf8' }).trim()),
    memoryGiB: round(totalmem() / 2 ** 30),
    node: process.version,
  };
}

/** Prints the figures as a table and writes them, with the machine and date, to `results/<name>.json`. */
export function report(name: string, figures: readonly Figure[], details: Record<string, unknown> = {}): void {
  const rows = figures.map((figure) => [
    figure.metric,
    typeof figure.value === 'number' ? String(round(figure.value, 2)) : figure.value,
    figure.unit,
    figure.target ?? '',
    figure.met === undefined ? '' : figure.met ? 'met' : 'MISSED',
  ]);
  const header = ['metric', 'value', 'unit', 'target', ''];
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => row[column]!.length)));
  const line = (row: string[]) =>
    row
      .map((cell, column) => (column === 1 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd();
  console.log(`\n== ${name} ==`);
  console.log(line(header));
  for (const row of rows) console.log(line(row));

  const folder = fileURLToPath(new URL('./results/', import.meta.url));
  mkdirSync(folder, { recursive: true });
  const file = join(folder, `${name}.json`);
  writeFileSync(file, `${JSON.stringify({ name, date: new Date().toISOString(), machine: machine(), figures, details }, null, 2)}\n`);
  console.log(`results: ${file}`);
}
