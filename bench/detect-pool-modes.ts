// Pool modes of `npm run bench:detect`: the full SigmaHQ tree matched in the server's worker-thread
// match pool (apps/server/src/detection/pool — imported from there so the benchmark measures the real
// thing), beside a fair parallel baseline: the same batches over the same transport into N+1 workers
// holding an empty ruleset (split + JSON.parse + routing, no rules). Wall clock is what parallelism
// buys; CPU time is the whole process (every thread), so CPU figures show the overhead, not the gain.
import type { RuleSource } from '../packages/sigma/src/index.ts';
import { MatchPool } from '../apps/server/src/detection/pool/match-pool.ts';

export interface PoolResult {
  mode: string;
  threads: number;
  transfer: string;
  seconds: number;
  cpuSeconds: number;
  matches: number;
}

type Feed = (pool: MatchPool, key: string, batch: Batch) => Promise<(readonly number[])[]>;

interface Batch {
  text: string;
  events: unknown[] | undefined;
  count: number;
}

/** Lines grouped into batches (what an ingest body or bus message holds), optionally parsed. */
export function batchesOf(text: string, size: number, parsed: boolean): Batch[] {
  const lines = text.split('\n');
  const out: Batch[] = [];
  for (let i = 0; i < lines.length; i += size) {
    const part = lines.slice(i, i + size);
    out.push({
      text: part.join('\n'),
      events: parsed ? part.map((l) => JSON.parse(l) as unknown) : undefined,
      count: part.length,
    });
  }
  return out;
}

/** All batches through the pool, `inFlight` at a time, the way ingest keeps several bodies busy. */
async function run(pool: MatchPool, key: string, batches: Batch[], feed: Feed, inFlight: number) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let next = 0;
  let matches = 0;
  const lane = async () => {
    while (next < batches.length) {
      const b = batches[next++] as Batch;
      for (const h of await feed(pool, key, b)) matches += h.length;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, lane));
  const cpu = process.cpuUsage(cpu0);
  return { seconds: (performance.now() - t0) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6, matches };
}

const feeds: Record<string, Feed> = {
  // Raw text: the worker splits, parses and matches; only hit lists come back.
  lines: (pool, key, b) => pool.matchLines(key, b.text, b.count),
  // Parsed events (the server's detect hook has objects): JSON text or structured clone to the worker.
  json: (pool, key, b) => pool.match(key, b.events ?? []),
  clone: (pool, key, b) => pool.match(key, b.events ?? []),
};

/** Best of `rounds` by wall clock for each pool mode; prints nothing, returns the figures. */
export async function poolModes(
  text: string,
  full: RuleSource[],
  hundred: RuleSource[],
  threads: number,
  rounds: number,
): Promise<PoolResult[]> {
  const parsedBatches = batchesOf(text, 1000, true);
  const rawBatches = parsedBatches.map((b) => ({ ...b, events: undefined }));
  const out: PoolResult[] = [];
  const measure = async (
    mode: string,
    n: number,
    sources: RuleSource[],
    transfer: 'lines' | 'json' | 'clone',
  ) => {
    const pool = new MatchPool({ threads: n, transfer: transfer === 'clone' ? 'clone' : 'json' });
    try {
      await pool.compile('bench#1', sources);
      const batches = transfer === 'lines' ? rawBatches : parsedBatches;
      await run(pool, 'bench#1', batches.slice(0, 4 * n), feeds[transfer] as Feed, 2 * n); // warm-up
      let bestR: Awaited<ReturnType<typeof run>> | undefined;
      for (let r = 0; r < rounds; r++) {
        const res = await run(pool, 'bench#1', batches, feeds[transfer] as Feed, 2 * n);
        if (!bestR || res.seconds < bestR.seconds) bestR = res;
      }
      const b = bestR as Awaited<ReturnType<typeof run>>;
      out.push({ mode, threads: n, transfer, ...b });
    } finally {
      await pool.close();
    }
  };
  await measure('a_parallel_baseline', threads + 1, [], 'lines');
  await measure('d_full_sigmahq_pool', threads, full, 'lines');
  await measure('d_full_sigmahq_pool', threads, full, 'json');
  await measure('d_full_sigmahq_pool', threads, full, 'clone');
  await measure('c_100_rules_pool', threads, hundred, 'lines');
  return out;
}
