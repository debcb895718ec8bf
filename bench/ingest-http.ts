// End-to-end ingest over HTTP for bench:ingest: a real `vigil serve` (embedded: SQLite, in-process
// bus, detection) receives NDJSON bodies from IN_FLIGHT concurrent clients. An answer of 200 means
// the body's events are committed (DESIGN §1), so the client-side time per body is ingest→stored.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pct, round } from './bench-support.ts';
import { runVigil, startServe } from './vigil-process.ts';

const PASSWORD = 'Bench-Throughput-2026!';
const IMPORT_CHUNK = 400;

export interface HttpIngestOptions {
  bodies: readonly string[];
  events: number;
  inFlight: number;
  /** SigmaHQ rule files to import and enable before ingesting; none for storage-only figures. */
  ruleFiles: readonly string[];
  /** `?format=` of the ingest URL (auto-detection when absent). */
  format?: string;
}

/** Every `.yml` under `root`, sorted (the full SigmaHQ tree when given ../shared/data/sigma/rules). */
export function sigmaRuleFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.yml'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

export async function benchHttpIngest(options: HttpIngestOptions): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigil-bench-http-'));
  try {
    await runVigil(['setup', '--admin', 'bench', '--password-stdin', '--data-dir', dataDir], `${PASSWORD}\n`);
    const token = (
      await runVigil(['tokens', 'create', '--workspace', 'default', '--name', 'bench', '--data-dir', dataDir])
    ).trim();
    const server = await startServe(dataDir);
    try {
      const session = await login(server.url);
      const rules = await importRules(server.url, session, options.ruleFiles);
      const ingestUrl = `${server.url}/api/v1/workspaces/default/ingest${options.format ? `?format=${options.format}` : ''}`;
      // Warm-up body (not timed): the workspace's first ingest waits for its detector to compile.
      const compile0 = performance.now();
      const warm = await post(ingestUrl, token, options.bodies[0] ?? '');
      const firstIngestMs = performance.now() - compile0;
      const latencies: number[] = [];
      let accepted = warm.accepted;
      let retries = 0;
      let next = 1;
      const t0 = performance.now();
      const lane = async () => {
        for (let i = next++; i < options.bodies.length; i = next++) {
          const s = performance.now();
          const r = await post(ingestUrl, token, options.bodies[i] ?? '');
          latencies.push(performance.now() - s);
          accepted += r.accepted;
          retries += r.retries;
        }
      };
      await Promise.all(Array.from({ length: options.inFlight }, lane));
      const seconds = (performance.now() - t0) / 1000;
      const timedEvents = accepted - warm.accepted;
      const stored = await countStored(server.url, session);
      return {
        rules_loaded: rules.loaded,
        rules_rejected: rules.rejected,
        first_ingest_ms: Math.round(firstIngestMs),
        events: timedEvents,
        seconds: round(seconds, 2),
        events_per_s: Math.round(timedEvents / seconds),
        ingest_to_stored_ms_p50: round(pct(latencies, 50)),
        ingest_to_stored_ms_p99: round(pct(latencies, 99)),
        body_events: Math.round(options.events / options.bodies.length),
        in_flight: options.inFlight,
        retries_429: retries,
        stored,
        all_stored: stored === options.events,
        server_peak_rss_mb: server.peakRssMb(),
      };
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

interface Session {
  cookie: string;
  csrf: string;
}

async function login(url: string): Promise<Session> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bench', password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`login: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { csrfToken: string };
  const cookie = (res.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
  return { cookie, csrf: body.csrfToken };
}

async function importRules(url: string, s: Session, files: readonly string[]) {
  let loaded = 0;
  let rejected = 0;
  for (let i = 0; i < files.length; i += IMPORT_CHUNK) {
    const chunk = files
      .slice(i, i + IMPORT_CHUNK)
      .map((path) => ({ path, text: readFileSync(path, 'utf8') }));
    const res = await fetch(`${url}/api/v1/workspaces/default/rules/import?enabled=true`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf },
      body: JSON.stringify({ files: chunk }),
    });
    if (!res.ok) throw new Error(`rule import: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { counts: { created: number; updated: number; rejected: number } };
    loaded += body.counts.created + body.counts.updated;
    rejected += body.counts.rejected;
  }
  return { loaded, rejected };
}

/** One NDJSON body; a 429 (queue full) is retried after its Retry-After, as a shipper would. */
async function post(
  url: string,
  token: string,
  body: string,
): Promise<{ accepted: number; retries: number }> {
  for (let retries = 0; ; retries++) {
    const res = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' },
      body,
    });
    if (res.status === 429) {
      await res.arrayBuffer();
      const wait = Number(res.headers.get('retry-after') ?? 1);
      await new Promise((r) => setTimeout(r, Math.max(0.1, wait) * 1000));
      continue;
    }
    if (!res.ok) throw new Error(`ingest: ${res.status} ${await res.text()}`);
    const reply = (await res.json()) as { accepted: number };
    return { accepted: reply.accepted, retries };
  }
}

/** Events stored in the workspace, counted with the search API year by year (ranges are capped at 366 days). */
async function countStored(url: string, s: Session): Promise<number> {
  let total = 0;
  for (let year = 2000; year <= new Date().getUTCFullYear() + 1; year++) {
    const res = await fetch(`${url}/api/v1/workspaces/default/events/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf },
      body: JSON.stringify({
        query: '* | stats count()',
        from: `${year}-01-01T00:00:00Z`,
        to: `${year + 1}-01-01T00:00:00Z`,
      }),
    });
    if (!res.ok) throw new Error(`count: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { stats?: { rows: Record<string, unknown>[] } };
    total += Number(body.stats?.rows[0]?.['count()'] ?? 0);
  }
  return total;
}
