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
  | { readonly kind: 'stats'; readonly rows: readonly Row[]; readonly columns: readonly string[] };

export const PAGE_SIZE = 50;

const rowsOf = (v: unknown): Row[] =>
  Array.isArray(v) ? (v as unknown[]).filter((r): r is Row => typeof r === 'object' && r !== null) : [];
const stringsOf = (v: unknown): string[] | undefined =>
  Array.isArray(v) ? (v as unknown[]).filter((c): c is string => typeof c === 'string') : undefined;

export async function searchEvents(
  workspaceId: string,
  input: SearchInput,
  cursor: string | undefined,
  signal: AbortSignal,
): Promise<SearchResult> {
  const body = await apiJson<Record<string, unknown> | undefined>(
    'POST',
    `/api/v1/workspaces/${encodeURIComponent(workspaceId)}/events/search`,
    { ...input, limit: PAGE_SIZE, ...(cursor === undefined ? {} : { cursor }) },
    { signal, timeoutMs: 60_000 },
  );
  const stats = body?.['stats'];
  if (typeof stats === 'object' && stats !== null) {
    const s = stats as Record<string, unknown>;
    return { kind: 'stats', rows: rowsOf(s['rows']), columns: stringsOf(s['columns']) ?? [] };
  }
  const next = body?.['next'];
  return {
    kind: 'events',
    events: rowsOf(body?.['events']),
    next: typeof next === 'string' ? next : undefined,
    columns: stringsOf(body?.['columns']),
  };
}
