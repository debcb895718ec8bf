// `GET /api/v1/workspaces/{ws}/sources/stats`: per-source ingest counters of the server process.
import { apiJson } from '../api/api-client.ts';

export interface SourceRow {
  readonly dataSpace: string;
  readonly source: string;
  readonly received: number;
  readonly parsed: number;
  readonly failed: number;
  readonly dropped: number;
  readonly rejected: number;
  readonly bytes: number;
  readonly lagMs: number;
  readonly lagMaxMs: number;
  /** ISO time of the last record, undefined when none arrived. */
  readonly lastReceivedAt: string | undefined;
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The answer's rows, tolerant of missing fields (a newer or older server), ordered by source. */
export function parseSources(body: unknown): SourceRow[] {
  const rows = (body as { sources?: unknown } | null | undefined)?.sources;
  if (!Array.isArray(rows)) return [];
  return rows
    .filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null)
    .map((r) => ({
      dataSpace: str(r['dataSpace']),
      source: str(r['source']),
      received: num(r['received']),
      parsed: num(r['parsed']),
      failed: num(r['failed']),
      dropped: num(r['dropped']),
      rejected: num(r['rejected']),
      bytes: num(r['bytes']),
      lagMs: num(r['lagMs']),
      lagMaxMs: num(r['lagMaxMs']),
      lastReceivedAt: typeof r['lastReceivedAt'] === 'string' ? r['lastReceivedAt'] : undefined,
    }))
    .sort((a, b) => a.dataSpace.localeCompare(b.dataSpace) || a.source.localeCompare(b.source));
}

/** Syslog messages refused before reaching any workspace, per listener and reason (server-wide). */
export interface RefusalRow {
  readonly listener: string;
  readonly reason: string;
  readonly count: number;
  readonly bytes: number;
}

const records = (v: unknown): Record<string, unknown>[] =>
  Array.isArray(v)
    ? (v as unknown[]).filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null)
    : [];

const refusalOf = (r: Record<string, unknown>): RefusalRow => ({
  listener: str(r['listener']),
  reason: str(r['reason']),
  count: num(r['count']),
  bytes: num(r['bytes']),
});

/** The `syslogRefusals` of the stats answer; an older server without them gives none. */
export function parseRefusals(body: unknown): RefusalRow[] {
  return records((body as { syslogRefusals?: unknown } | null | undefined)?.syslogRefusals)
    .map(refusalOf)
    .sort((a, b) => a.listener.localeCompare(b.listener) || a.reason.localeCompare(b.reason));
}

/** Refusals of this workspace's revoked or expired ingest tokens, by the source they used to feed. */
export interface SourceRefusalRow extends RefusalRow {
  readonly source: string;
}

/** The `syslogRefusalsBySource` of the stats answer, ordered by source. */
export function parseSourceRefusals(body: unknown): SourceRefusalRow[] {
  return records((body as { syslogRefusalsBySource?: unknown } | null | undefined)?.syslogRefusalsBySource)
    .map((r) => ({ ...refusalOf(r), source: str(r['source']) }))
    .sort(
      (a, b) =>
        a.source.localeCompare(b.source) ||
        a.listener.localeCompare(b.listener) ||
        a.reason.localeCompare(b.reason),
    );
}

export interface SourceStats {
  readonly rows: SourceRow[];
  readonly refusals: RefusalRow[];
  readonly bySource: SourceRefusalRow[];
}

export async function fetchSources(workspaceId: string, signal: AbortSignal): Promise<SourceStats> {
  const body = await apiJson(
    'GET',
    `/api/v1/workspaces/${encodeURIComponent(workspaceId)}/sources/stats`,
    undefined,
    { signal },
  );
  return { rows: parseSources(body), refusals: parseRefusals(body), bySource: parseSourceRefusals(body) };
}

/** What a refusal reason means, for people (the reasons of `vigil_syslog_refused_total`). */
export function refusalReasonText(reason: string): string {
  switch (reason) {
    case 'unauthenticated':
      return 'No ingest token and no registered client certificate';
    case 'invalid_token':
      return 'Unknown, revoked or expired ingest token';
    case 'workspace_not_writable':
      return 'Token of an archived workspace';
    case 'verify_failed':
      return 'Token could not be checked (identity store unavailable)';
    case 'unknown_certificate':
      return 'TLS client certificate of no syslog source (connections)';
    case 'buffer_full':
      return 'UDP datagrams lost while the buffer was full';
    default:
      return reason;
  }
}

/** Bytes for people: 1 536 → "1.5 KiB". */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit] ?? ''}`;
}

/** A lag for people: under a second in ms, else seconds/minutes/hours. */
export function formatLag(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms < 3_600_000) return `${Math.round(ms / 60_000)} min`;
  return `${(ms / 3_600_000).toFixed(1)} h`;
}
