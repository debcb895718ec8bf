// `POST /api/v1/workspaces/{ws}/events/search` (DESIGN §5) and its two answer shapes.
import { apiJson } from '../api/api-client.ts';

export interface SearchInput {
  readonly query: string;
  readonly from: string;
  readonly to: string;
}

export type Row = Readonly<Record<string, unknown>>;

export type SearchResult =
  | {
      readonly kind: 'events';
      readonly events: readonly Row[];
      readonly next: string | undefined;
      /** Present when the query projected fields with `| fields`. */
      readonly columns: readonly string[] | undefined;
    }
  | {
      readonly kind: 'stats';
      readonly rows: readonly Row[];
      readonly columns: readonly string[];
      /** The server cut the rows at `limit`: more groups or buckets exist. */
      readonly truncated: boolean;
      readonly limit: number | undefined;
    };

export const PAGE_SIZE = 50;
/** The API's largest `limit`; aggregated answers are not paged, so they are asked for whole. */
export const MAX_ROWS = 10_000;

function statsOf(
  body: Record<string, unknown> | undefined,
): Extract<SearchResult, { kind: 'stats' }> | undefined {
  const stats = body?.['stats'];
  if (typeof stats !== 'object' || stats === null) return undefined;
  const s = stats as Record<string, unknown>;
  const limit = body?.['limit'];
  return {
    kind: 'stats',
    rows: rowsOf(s['rows']),
    columns: stringsOf(s['columns']) ?? [],
    truncated: body?.['truncated'] === true,
    limit: typeof limit === 'number' ? limit : undefined,
  };
}

const rowsOf = (v: unknown): Row[] =>
  Array.isArray(v) ? (v as unknown[]).filter((r): r is Row => typeof r === 'object' && r !== null) : [];
const stringsOf = (v: unknown): string[] | undefined =>
  Array.isArray(v) ? (v as unknown[]).filter((c): c is string => typeof c === 'string') : undefined;

/**
 * One page of events, or every row of a `stats`/`timechart` answer: `limit` caps those rows too and they
 * have no cursor, so an aggregated answer the server says it cut is asked for again with the largest limit.
 */
export async function searchEvents(
  workspaceId: string,
  input: SearchInput,
  cursor: string | undefined,
  signal: AbortSignal,
): Promise<SearchResult> {
  const ask = (limit: number) =>
    apiJson<Record<string, unknown> | undefined>(
      'POST',
      `/api/v1/workspaces/${encodeURIComponent(workspaceId)}/events/search`,
      { ...input, limit, ...(cursor === undefined ? {} : { cursor }) },
      { signal, timeoutMs: 60_000 },
    );
  let body = await ask(PAGE_SIZE);
  let stats = statsOf(body);
  if (stats?.truncated === true) {
    body = await ask(MAX_ROWS);
    stats = statsOf(body);
  }
  if (stats !== undefined) return stats;
  const next = body?.['next'];
  return {
    kind: 'events',
    events: rowsOf(body?.['events']),
    next: typeof next === 'string' ? next : undefined,
    columns: stringsOf(body?.['columns']),
  };
}
