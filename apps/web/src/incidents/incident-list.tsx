import { useState } from 'react';
import { AlertFilters } from '../alerts/alert-filters.tsx';
import { useLoad } from '../admin/use-load.ts';
import { ResultPager } from '../search/result-pager.tsx';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { IncidentTable } from './incident-table.tsx';
import { listIncidents, type IncidentFilter } from './incidents-api.ts';

/** Incidents of the workspace: filters and keyset pages. */
export function IncidentList({ workspaceId }: { readonly workspaceId: string }) {
  const [filter, setFilter] = useState<IncidentFilter>({ status: 'open,in_progress', severity: '' });
  const [cursors, setCursors] = useState<readonly (string | undefined)[]>([undefined]);
  const after = cursors.at(-1);
  const { state } = useLoad(`${filter.status}|${filter.severity}|${after ?? ''}`, (signal) =>
    listIncidents(workspaceId, filter, after, signal),
  );
  const next = state.status === 'ready' ? state.data.next : undefined;
  return (
    <section className="card" aria-label="Incident list">
      <AlertFilters
        filter={filter}
        onChange={(f) => {
          setFilter(f);
          setCursors([undefined]);
        }}
      />
      {state.status === 'loading' && <p role="status">Loading incidents…</p>}
      {state.status === 'failed' && <ErrorBanner error={state.error} />}
      {state.status === 'ready' && (
        <IncidentTable workspaceId={workspaceId} incidents={state.data.incidents} />
      )}
      {(cursors.length > 1 || next !== undefined) && (
        <ResultPager
          page={cursors.length}
          hasNext={next !== undefined}
          busy={state.status === 'loading'}
          onPage={(page) => setCursors((c) => (page > c.length ? [...c, next] : c.slice(0, page)))}
        />
      )}
    </section>
  );
}
