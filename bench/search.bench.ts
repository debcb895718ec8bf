// Search benchmark (`npm run bench:search [-- --events N --days D --pg-events N]`, DESIGN §8). Prints
// JSON lines. Data: N seeded events (default 10,000,000) spread evenly over D UTC days (default 10),
// generated day by day from a per-day seed and appended in batches, so memory stays bounded at any N.
// Hosts, users, source IPs, outcomes, process names and messages are drawn as in a small fleet.
// Stores: embedded SQLite always; PostgreSQL too when VIGIL_PG_URL is set (a throw-away schema, as the
// URL's role and again as an ordinary role where FORCEd row-level security applies; `--pg-events`
// caps its event count because PostgreSQL appends are several times slower on a 2-core machine).
// Queries: filtered first pages over the whole range (newest first), aggregations over the last day.
// Baseline in the same run: the reference evaluator `executePlan` over the same rows in memory, for
// the last day only (at most BASELINE_MAX events of it, then extrapolated per event and marked so).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { silentLogger } from '@vigil/core';
import type { Storage, VigilEvent } from '@vigil/core';
import { executePlan, parseQuery } from '@vigil/query';
import type { QueryPlan } from '@vigil/query';
import { openPostgresStorage } from '@vigil/store-postgres';
import { openSqliteStorage } from '@vigil/store-sqlite';
import { machine, pct, peakRssMb, print, round } from './bench-support.ts';
import { BENCH_WORKSPACE as WS, DAY_MS, dayEvents, FIRST_DAY, perDay } from './search-data.ts';

const { values: args } = parseArgs({
  options: {
    events: { type: 'string', default: process.env['BENCH_EVENTS'] ?? '10000000' },
    days: { type: 'string', default: process.env['BENCH_DAYS'] ?? '10' },
    'pg-events': { type: 'string' },
    rounds: { type: 'string', default: process.env['BENCH_ROUNDS'] ?? '5' },
    'no-rls': { type: 'boolean', default: false },
  },
});
const N = positive('events', args.events);
const DAYS = positive('days', args.days);
const PG_N = args['pg-events'] === undefined ? N : positive('pg-events', args['pg-events']);
const ROUNDS = positive('rounds', args.rounds);
const APPEND_BATCH = 10_000;
const BASELINE_MAX = 300_000;

function positive(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, not ${text}`);
  return n;
}

interface Query {
  name: string;
  query: string;
  limit: number;
  /** 'all': every generated day (a first page reads the newest days only); 'day': the last day. */
  window: 'all' | 'day';
}

const QUERIES: Query[] = [
  {
    name: 'filter_first_page',
    query: 'process.name:"cmd.exe" AND event.outcome:failure',
    limit: 100,
    window: 'all',
  },
  { name: 'free_text_first_page', query: '"password" AND host.name:host-7', limit: 100, window: 'all' },
  { name: 'day_stats_count_by_host', query: '* | stats count() by host.name', limit: 10_000, window: 'day' },
  {
    name: 'day_stats_failures_by_ip_top10',
    query: 'event.outcome:failure | stats count() as n, dc(user.name) by source.ip | sort -n | head 10',
    limit: 10_000,
    window: 'day',
  },
  {
    name: 'day_timechart_1h_by_outcome',
    query: '* | timechart span=1h count() by event.outcome',
    limit: 10_000,
    window: 'day',
  },
];

function windowOf(q: Query, days: number): { from: number; to: number } {
  const end = FIRST_DAY + days * DAY_MS;
  return q.window === 'all' ? { from: FIRST_DAY, to: end } : { from: end - DAY_MS, to: end };
}

function plan(query: string): QueryPlan {
  const parsed = parseQuery(query);
  if (!parsed.plan) throw new Error(`${query}: ${JSON.stringify(parsed.problems)}`);
  return parsed.plan;
}

async function median(work: () => Promise<number> | number): Promise<{ ms: number; rows: number }> {
  let rows = await work(); // warm-up (caches, JIT)
  const times: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = performance.now();
    rows = await work();
    times.push(performance.now() - t0);
  }
  return { ms: pct(times, 50), rows };
}

print({ ...machine('search'), events: N, days: DAYS, pg_events: PG_N });

// Baseline: the reference evaluator over the last day's rows in memory (no I/O, no JSON decoding).
const lastDay = DAYS - 1;
const lastDayCount = perDay(N, DAYS, lastDay);
const sample: VigilEvent[] = [];
for (const batch of dayEvents(lastDay, lastDayCount, APPEND_BATCH)) {
  sample.push(...batch.slice(0, BASELINE_MAX - sample.length));
  if (sample.length >= BASELINE_MAX) break;
}
const complete = sample.length === lastDayCount;
const sampleBytes = sample.reduce((s, e) => s + JSON.stringify(e).length, 0);
print({ data: 'seeded', events_per_day: lastDayCount, avg_bytes: Math.round(sampleBytes / sample.length) });
const baseline = new Map<string, { ms: number; rows: number }>();
for (const q of QUERIES) {
  const p = plan(q.query);
  const w = windowOf(q, DAYS);
  const r = await median(() => executePlan(p, sample, { ...w, now: w.to }).slice(0, q.limit).length);
  // Aggregations read every row of the day: scale a partial sample to the whole day.
  const scale = complete || q.window === 'all' ? 1 : lastDayCount / sample.length;
  baseline.set(q.name, { ms: r.ms * scale, rows: complete || q.window === 'all' ? r.rows : NaN });
  print({
    store: 'js_execute_plan',
    query: q.name,
    ms: round(r.ms * scale),
    rows: r.rows,
    ...(scale === 1 ? {} : { extrapolated_from_events: sample.length }),
  });
}
sample.length = 0;

async function benchStore(name: string, storage: Storage, total: number): Promise<void> {
  await storage.migrate();
  const t0 = performance.now();
  let bytes = 0;
  for (let day = 0; day < DAYS; day++) {
    for (const batch of dayEvents(day, perDay(total, DAYS, day), APPEND_BATCH)) {
      if (day === 0 && bytes === 0)
        bytes = batch.reduce((s, e) => s + JSON.stringify(e).length, 0) / batch.length;
      await storage.events.append(batch);
    }
  }
  const appendS = (performance.now() - t0) / 1000;
  print({
    store: name,
    events: total,
    append_seconds: round(appendS),
    append_events_per_s: Math.round(total / appendS),
    append_mb_per_s: round((bytes * total) / 1e6 / appendS),
    rss_mb: Math.round(process.memoryUsage.rss() / 1e6),
  });
  const search = storage.search;
  if (!search) throw new Error(`${name} has no search`);
  const dayCount = perDay(total, DAYS, lastDay);
  for (const q of QUERIES) {
    const p = plan(q.query);
    const w = windowOf(q, DAYS);
    const r = await median(async () => {
      const res = await search.search({ workspace: WS, ...w, plan: p, limit: q.limit, now: w.to });
      return res.rows.length;
    });
    const base = baseline.get(q.name);
    // The JS baseline ran over N/DAYS events per day; scale it when this store holds fewer.
    const baseMs = (base?.ms ?? NaN) * (q.window === 'day' ? dayCount / lastDayCount : 1);
    print({
      store: name,
      query: q.name,
      window: q.window,
      events_in_window: q.window === 'day' ? dayCount : total,
      ms: round(r.ms),
      rows: r.rows,
      js_ms: round(baseMs),
      ratio_to_js: round(baseMs / r.ms, 2),
      // 'all' windows: the baseline saw the newest day only, which fills a first page when it has enough.
      ...(total === N && Number.isFinite(base?.rows) && (q.window === 'day' || base?.rows === q.limit)
        ? { same_row_count: r.rows === base?.rows }
        : {}),
    });
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'vigil-bench-search-'));
const sqlite = await openSqliteStorage({ dataDir, logger: silentLogger });
try {
  await benchStore('sqlite', sqlite, N);
} finally {
  await sqlite.close();
  rmSync(dataDir, { recursive: true, force: true });
}

const pgUrl = process.env['VIGIL_PG_URL'];
if (pgUrl) {
  // As the URL's role (a superuser bypasses row-level security), then as an ordinary role that owns
  // the schema, where FORCEd RLS applies to every statement: the difference is the wall's cost.
  const role = `vigil_bench_${randomBytes(4).toString('hex')}`;
  const password = randomBytes(12).toString('hex');
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  const db = (await admin.query<{ db: string }>('SELECT current_database() AS db')).rows[0]?.db ?? '';
  await admin.query(`CREATE ROLE "${role}" LOGIN PASSWORD '${password}' NOSUPERUSER NOBYPASSRLS`);
  await admin.query(`GRANT CREATE ON DATABASE "${db}" TO "${role}"`);
  const roleUrl = new URL(pgUrl);
  roleUrl.username = role;
  roleUrl.password = password;
  const runs: (readonly [string, string])[] = [['postgres', pgUrl]];
  if (!args['no-rls']) runs.push(['postgres_rls_forced', roleUrl.toString()]);
  const schemas: string[] = [];
  try {
    for (const [name, url] of runs) {
      const schema = `vigil_bench_${randomBytes(4).toString('hex')}`;
      schemas.push(schema);
      const storage = await openPostgresStorage({ url, schema });
      try {
        await benchStore(name, storage, PG_N);
      } finally {
        await storage.close();
        // Free the disk before the next run: at 10M events a schema is several GB.
        await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      }
    }
  } finally {
    for (const schema of schemas) await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.query(`REVOKE CREATE ON DATABASE "${db}" FROM "${role}"`);
    await admin.query(`DROP ROLE IF EXISTS "${role}"`);
    await admin.end();
  }
}
print({ peak_rss_mb: peakRssMb() });
