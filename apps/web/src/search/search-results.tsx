import type { SearchResult } from './search-api.ts';
import { ResultsTable } from './results-table.tsx';
import { StatsTable } from './stats-table.tsx';

/** The answer of a search: events (with their time and key fields) or aggregated rows. */
export function SearchResults({ result }: { readonly result: SearchResult }) {
  if (result.kind === 'stats') {
    return result.rows.length === 0 ? (
      <p className="empty-state">No rows: nothing matched in this time range.</p>
    ) : (
      <StatsTable rows={result.rows} columns={result.columns} />
    );
  }
  return result.events.length === 0 ? (
    <p className="empty-state">No events match this query in this time range.</p>
  ) : (
    <ResultsTable events={result.events} projected={result.columns} />
  );
}

/** Nothing matched at all (an empty later page still belongs to a non-empty result). */
export function isEmpty(result: SearchResult, page: number): boolean {
  return result.kind === 'stats' ? result.rows.length === 0 : result.events.length === 0 && page === 1;
}

/** The line announced after each search. */
export function resultSummary(result: SearchResult, page: number): string {
  if (result.kind === 'stats') {
    const rows = `${result.rows.length} ${result.rows.length === 1 ? 'row' : 'rows'}`;
    return result.truncated
      ? `${rows}: cut at the limit of ${result.limit ?? result.rows.length} rows, narrow the query or the time range.`
      : `${rows}.`;
  }
  const n = result.events.length;
  if (n === 0 && page === 1) return 'No events found.';
  return `${n} ${n === 1 ? 'event' : 'events'} on page ${page}${result.next === undefined ? '' : '; more on the next page'}.`;
}
