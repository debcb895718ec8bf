import { useState } from 'react';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { ExportButtons } from './export-buttons.tsx';
import { FieldSidebar } from './field-sidebar.tsx';
import { SearchHistogram } from './search-histogram.tsx';
import { withFilter } from './top-values.ts';
import { ResultPager } from './result-pager.tsx';
import { SavedQueriesBar } from './saved-queries-bar.tsx';
import { SearchForm } from './search-form.tsx';
import { SearchResults, isEmpty, resultSummary } from './search-results.tsx';
import { resolveRange, type TimeRange } from './time-range.ts';
import { useSearch } from './use-search.ts';

/** The search page's body for one workspace. */
export function WorkspaceSearch({ workspaceId }: { readonly workspaceId: string }) {
  const [query, setQuery] = useState('*');
  const [range, setRange] = useState<TimeRange>({ kind: 'relative', preset: '24h' });
  const [rangeError, setRangeError] = useState<string | null>(null);
  const { state, run, goTo, hasNext } = useSearch(workspaceId);

  const submit = (text = query) => {
    const resolved = resolveRange(range, Date.now());
    if (!resolved.ok) {
      setRangeError(resolved.message);
      return;
    }
    setRangeError(null);
    run({ query: text, from: resolved.from, to: resolved.to });
  };
  // A value chosen in the sidebar narrows the query that produced the results, and runs it.
  const filterOn = (field: string, value: string | number | boolean) => {
    const narrowed = withFilter(state.input?.query ?? query, field, value);
    setQuery(narrowed);
    submit(narrowed);
  };

  const error = state.status === 'failed' ? state.error : undefined;
  const problems = error?.code === 'QUERY_INVALID' ? error.problems : [];
  const busy = state.status === 'running';
  return (
    <>
      <SavedQueriesBar workspaceId={workspaceId} query={query} onPick={setQuery} />
      <SearchForm
        query={query}
        onQuery={setQuery}
        range={range}
        onRange={setRange}
        problems={problems}
        problemQuery={state.input?.query ?? query}
        busy={busy}
        onRun={() => submit()}
      />
      {rangeError !== null && (
        <p className="banner banner-error" role="alert">
          {rangeError}
        </p>
      )}
      {error !== undefined && problems.length === 0 && <ErrorBanner error={error} />}
      <p className="search-summary" role="status">
        {busy
          ? 'Searching…'
          : state.status === 'done' && state.result
            ? resultSummary(state.result, state.page)
            : ''}
      </p>
      {state.result && state.input && (
        <section aria-label="Results" className="search-results">
          <div className="results-toolbar">
            {!isEmpty(state.result, state.page) && (
              <ExportButtons workspaceId={workspaceId} input={state.input} />
            )}
            {state.result.kind === 'events' && (state.page > 1 || hasNext) && (
              <ResultPager page={state.page} hasNext={hasNext} busy={busy} onPage={goTo} />
            )}
          </div>
          {state.result.kind === 'events' && (
            <SearchHistogram workspaceId={workspaceId} input={state.input} />
          )}
          <div className={state.result.kind === 'events' ? 'results-with-fields' : undefined}>
            {state.result.kind === 'events' && (
              <FieldSidebar events={state.result.events} onFilter={filterOn} />
            )}
            <div className="results-main">
              <SearchResults result={state.result} />
            </div>
          </div>
        </section>
      )}
    </>
  );
}
