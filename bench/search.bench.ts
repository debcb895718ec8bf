// Search benchmark (`npm run bench:search`, DESIGN §8). Prints JSON lines.
// Data: N seeded events over one UTC day (hosts, users, source IPs, outcomes, process names, messages),
// appended into embedded SQLite, and into PostgreSQL too when VIGIL_PG_URL is set (a throw-away schema).
// Each query runs through the store's EventSearch (SQL) and, as the baseline in the same run, through
// the reference evaluator `executePlan` over the same rows already in memory. Median of ROUNDS runs.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { silentLogger } from '@vigil/core';
import type { Storage, VigilEvent } from '@vigil/core';
import { executePlan, parseQuery } from '@vigil/query';
import type { QueryPlan } from '@vigil/query';
import { openPostgresStorage } from '@vigil/store-postgres';
import { openSqliteStorage } from '@vigil/store-sqlite';
import { machine, pct, peakRssMb, print, round, seeded } from './bench-support.ts';

const N = Number(process.env['BENCH_EVENTS'] ?? 200_000);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 5);
const APPEND_BATCH = 10_000;
const WS = 'bench';
const FROM = Date.UTC(2026, 2, 1);
const TO = FROM + 86_400_000;

const QUERIES: { name: string; query: string; limit: number }[] = [
  { name: 'filter_first_page', query: 'process.name:"cmd.exe" AND event.outcome:failure', limit: 100 },
  { name: 'free_text_first_page', query: '"password" AND host.name:host-7', limit: 100 },
  { name: 'stats_count_by_host', query: '* | stats count() by host.name', limit: 10_000 },
  {
    name: 'stats_failures_by_ip_top10',
    query: 'event.outcome:failure | stats count() as n, dc(user.name) by source.ip | sort -n | head 10',
    limit: 10_000,
  },
  { name: 'timechart_1h_by_outcome', query: '* | timechart span=1h count() by event.outcome', limit: 10_000 },
];

print(machine('search'));

function generate(n: number): VigilEvent[] {
  const rand = seeded(7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const processes = [
    'cmd.exe',
    'powershell.exe',
    'sshd',
    'nginx',
    'svchost.exe',
    'explorer.exe',
    'python3',
    'bash',
  ];
  const verbs = [
    'Accepted password',
    'Failed password',
    'session opened',
    'connection closed',
    'process started',
  ];
  const events: VigilEvent[] = [];
  for (let i = 0; i < n; i++) {
    const ts = FROM + Math.floor((i / n) * 86_400_000);
    const outcome = rand() < 0.2 ? 'failure' : 'success';
    const user = `user${Math.floor(rand() * 500)}`;
    const ip = `10.${Math.floor(rand() * 4)}.${Math.floor(rand() * 16)}.${Math.floor(rand() * 16)}`;
    events.push({
      '@timestamp': new Date(ts).toISOString(),
      message: `${pick(verbs)} for ${user} from ${ip}`,
      event: { category: [pick(['authentication', 'process', 'network'])], outcome, action: pick(verbs) },
      host: { name: `host-${Math.floor(rand() * 50)}` },
      user: { name: user },
      source: { ip, port: 1024 + Math.floor(rand() * 60_000) },
      process: { name: pick(processes), pid: Math.floor(rand() * 65_000) },
      raw: { EventID: Math.floor(rand() * 20) + 4600 },
      vigil: {
        id: `e${String(i).padStart(9, '0')}`,
        workspace: WS,
        data_space: 'default',
        source: 'bench',
        received_at: new Date(ts).toISOString(),
      },
    });
  }
  return events;
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

const events = generate(N);
const bytes = events.reduce((s, e) => s + JSON.stringify(e).length, 0);
print({ data: 'seeded', events: N, mb: round(bytes / 1e6), avg_bytes: Math.round(bytes / N) });

// Baseline: the reference evaluator over rows already in memory (no I/O, no JSON decoding).
const baseline = new Map<string, { ms: number; rows: number }>();
for (const q of QUERIES) {
  const p = plan(q.query);
  const r = await median(
    () => executePlan(p, events, { from: FROM, to: TO, now: TO }).slice(0, q.limit).length,
  );
  baseline.set(q.name, r);
  print({ store: 'js_execute_plan', query: q.name, ms: round(r.ms), rows: r.rows });
}

async function benchStore(name: string, storage: Storage): Promise<void> {
  await storage.migrate();
  const t0 = performance.now();
  for (let i = 0; i < events.length; i += APPEND_BATCH)
    await storage.events.append(events.slice(i, i + APPEND_BATCH));
  const appendS = (performance.now() - t0) / 1000;
  print({
    store: name,
    append_events_per_s: Math.round(N / appendS),
    append_mb_per_s: round(bytes / 1e6 / appendS),
  });
  const search = storage.search;
  if (!search) throw new Error(`${name} has no search`);
  for (const q of QUERIES) {
    const p = plan(q.query);
    const r = await median(async () => {
      const res = await search.search({
        workspace: WS,
        from: FROM,
        to: TO,
        plan: p,
        limit: q.limit,
        now: TO,
      });
      return res.rows.length;
    });
    const base = baseline.get(q.name);
    print({
      store: name,
      query: q.name,
      ms: round(r.ms),
      rows: r.rows,
      js_ms: round(base?.ms ?? NaN),
      ratio_to_js: round((base?.ms ?? NaN) / r.ms, 2),
      same_row_count: r.rows === base?.rows,
    });
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'vigil-bench-search-'));
const sqlite = await openSqliteStorage({ dataDir, logger: silentLogger });
try {
  await benchStore('sqlite', sqlite);
} finally {
  await sqlite.close();
  rmSync(dataDir, { recursive: true, force: true });
}

const pgUrl = process.env['VIGIL_PG_URL'];
if (pgUrl) {
  // Twice: as the URL's role (a superuser bypasses row-level security), then as an ordinary role that
  // owns the schema, where FORCEd RLS applies to every statement: the difference is the wall's cost.
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
  const schemas: string[] = [];
  try {
    for (const [name, url] of [
      ['postgres', pgUrl],
      ['postgres_rls_forced', roleUrl.toString()],
    ] as const) {
      const schema = `vigil_bench_${randomBytes(4).toString('hex')}`;
      schemas.push(schema);
      const storage = await openPostgresStorage({ url, schema });
      try {
        await benchStore(name, storage);
      } finally {
        await storage.close();
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
