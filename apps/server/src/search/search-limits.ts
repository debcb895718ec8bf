/** Server-side limits of the search API. */
export interface SearchLimits {
  /** Longest [from, to) range one search may cover. */
  maxRangeMs: number;
  /** Time budget of one search statement set (SQLite: aborted via vigil_deadline; PG: statement_timeout). */
  timeoutMs: number;
  /** Rows one export may write at most. */
  maxExportRows: number;
}

export const DEFAULT_SEARCH_LIMITS: SearchLimits = {
  maxRangeMs: 366 * 86_400_000,
  timeoutMs: 30_000,
  maxExportRows: 1_000_000,
};
