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

export async function fetchSources(workspaceId: string, signal: AbortSignal): Promise<SourceRow[]> {
  return parseSources(
    await apiJson('GET', `/api/v1/workspaces/${encodeURIComponent(workspaceId)}/sources/stats`, undefined, {
      signal,
    }),
  );
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
