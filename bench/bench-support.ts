// Shared helpers of the root benchmarks: JSON-line output, percentiles, seeded randomness, shared data.
import { readFileSync, readdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export const dataRoot = process.env['VIGIL_SHARED_DATA'] ?? join(import.meta.dirname, '../../shared/data');

/** One JSON line of figures on stdout. */
export function print(obj: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(obj)}\n`);
}

/** The machine the figures come from (first line of every bench). */
export function machine(bench: string): Record<string, unknown> {
  return {
    bench,
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    mem_gb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    at: new Date().toISOString(),
  };
}

/** The p-th percentile (0–100) of `values` (nearest rank). */
export function pct(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Peak resident set size of this process so far, MB. */
export function peakRssMb(): number {
  return Math.round((process.resourceUsage().maxRSS * 1024) / 1e6);
}

/** mulberry32: a small deterministic PRNG, so every run generates the same data. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Non-empty lines of every `*.jsonl.gz` in ../shared/data/logs/windows (the OTRF recordings), sorted by file. */
export function otrfWindowsLines(): string[] {
  const dir = join(dataRoot, 'logs/windows');
  const lines: string[] = [];
  for (const f of readdirSync(dir)
    .filter((n) => n.endsWith('.jsonl.gz'))
    .sort()) {
    for (const l of gunzipSync(readFileSync(join(dir, f)))
      .toString('utf8')
      .split('\n')) {
      if (l.trim() !== '') lines.push(l);
    }
  }
  return lines;
}

/** Rounds to `digits` decimals for printing. */
export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
