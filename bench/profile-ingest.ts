// Profiling harness for the embedded write path (not a benchmark: no baseline, one run):
//   node --cpu-prof --cpu-prof-dir=/tmp/prof bench/profile-ingest.ts [events]
// OTRF Windows bodies of 1,000 events → ingest pipeline → in-process bus → event writer → SQLite,
// durable acknowledgements, 4 bodies in flight; prints wall and CPU events/s.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInProcessBus, silentLogger, startEventWriter } from '@vigil/core';
import { CommitTracker, createIngestPipeline, SourceStats, trackCommits } from '@vigil/ingest';
import { openSqliteStorage } from '@vigil/store-sqlite';
import { otrfWindowsLines } from './bench-support.ts';
const N = Number(process.argv[2] ?? 20000);
const otrf = otrfWindowsLines();
const lines = Array.from({ length: Math.ceil(N / otrf.length) }, () => otrf)
  .flat()
  .slice(0, N);
const texts: string[] = [];
for (let i = 0; i < lines.length; i += 1000) texts.push(lines.slice(i, i + 1000).join('\n'));
const source = { workspace: 'bench', dataSpace: 'default', source: 'http:bench' };
const dataDir = mkdtempSync(join(tmpdir(), 'h9-'));
const storage = await openSqliteStorage({ dataDir, logger: silentLogger });
await storage.migrate();
const bus = createInProcessBus({ capacity: 64 });
const commits = new CommitTracker(120_000);
const writer = await startEventWriter({
  bus,
  events: trackCommits(storage.events, commits),
  logger: silentLogger,
});
const pipeline = createIngestPipeline({ bus, stats: new SourceStats(), commits, maxBatchBytes: 8_388_608 });
const c0 = process.cpuUsage();
const t0 = performance.now();
let next = 0;
const latencies: number[] = [];
await Promise.all(
  Array.from({ length: 4 }, async () => {
    for (let i = next++; i < texts.length; i = next++) {
      const s = performance.now();
      await pipeline.ingest({
        source,
        bytes: texts[i]!.length,
        text: texts[i]!,
        format: 'windows',
        durable: true,
      });
      latencies.push(Math.round(performance.now() - s));
    }
  }),
);
const cu = process.cpuUsage(c0);
console.log({
  max_body_ms: Math.max(...latencies),
  p50_body_ms: latencies.sort((a, b) => a - b)[latencies.length >> 1],
  eps: Math.round(N / ((performance.now() - t0) / 1000)),
  cpu_eps: Math.round(N / ((cu.user + cu.system) / 1e6)),
});
await writer.stop();
await bus.close();
await storage.close();
rmSync(dataDir, { recursive: true, force: true });
