import { useState } from 'react';
import { useLoad } from '../admin/use-load.ts';
import { ResultPager } from '../search/result-pager.tsx';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { AlertFilters } from './alert-filters.tsx';
import { AlertImport } from './alert-import.tsx';
import { AlertTable } from './alert-table.tsx';
import { listAlerts, type AlertFilter } from './alerts-api.ts';
import { BulkActions } from './bulk-actions.tsx';
import { LiveAlerts } from './live-alerts.tsx';
import { SuppressionRules } from './suppression-rules.tsx';
import { SuppressedHits } from './suppressed-hits.tsx';

/** The alert queue: filters, keyset pages, bulk triage and live notifications. */
export function AlertQueue({
  workspaceId,
  canWrite,
}: {
  readonly workspaceId: string;
  readonly canWrite: boolean;
}) {
  const [filter, setFilter] = useState<AlertFilter>({ status: 'open,in_progress', severity: '' });
  // Cursors of the pages seen so far: cursors[0] is the first page (no cursor).
  const [cursors, setCursors] = useState<readonly (string | undefined)[]>([undefined]);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const after = cursors.at(-1);
  const { state, reload } = useLoad(`${filter.status}|${filter.severity}|${after ?? ''}`, (signal) =>
    listAlerts(workspaceId, filter, after, signal),
  );
  const changeFilter = (next: AlertFilter) => {
    setFilter(next);
    setCursors([undefined]);
    setSelected(new Set());
  };
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const alerts = state.status === 'ready' ? state.data.alerts : [];
  const next = state.status === 'ready' ? state.data.next : undefined;
  const refresh = () => {
    setSelected(new Set());
    reload();
  };
  return (
    <>
      <LiveAlerts workspaceId={workspaceId} onNew={refresh} />
      <section className="card" aria-label="Alert queue">
        <AlertFilters filter={filter} onChange={changeFilter} />
        {canWrite && <AlertImport workspaceId={workspaceId} onImported={refresh} />}
        {canWrite && selected.size > 0 && (
          <BulkActions workspaceId={workspaceId} ids={[...selected]} onDone={refresh} />
        )}
        {state.status === 'loading' && <p role="status">Loading alerts…</p>}
        {state.status === 'failed' && <ErrorBanner error={state.error} />}
        {state.status === 'ready' && (
          <AlertTable
            workspaceId={workspaceId}
            alerts={alerts}
            selected={selected}
            selectable={canWrite}
            onToggle={toggle}
            onToggleAll={(all) => setSelected(all ? new Set(alerts.map((a) => a.id)) : new Set())}
          />
        )}
        {(cursors.length > 1 || next !== undefined) && (
          <ResultPager
            page={cursors.length}
            hasNext={next !== undefined}
            busy={state.status === 'loading'}
            onPage={(page) => {
              setSelected(new Set());
              setCursors((c) => (page > c.length ? [...c, next] : c.slice(0, page)));
            }}
          />
        )}
      </section>
      <SuppressionRules workspaceId={workspaceId} canWrite={canWrite} />
      <SuppressedHits workspaceId={workspaceId} />
    </>
  );
}
