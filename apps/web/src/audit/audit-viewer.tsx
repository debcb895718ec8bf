import { useState } from 'react';
import { useLoad } from '../admin/use-load.ts';
import { listMembers } from '../admin/users-api.ts';
import { ResultPager } from '../search/result-pager.tsx';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { AUDIT_PAGE_SIZE, type AuditFilter } from './audit-api.ts';
import { AuditExportButtons } from './audit-export-buttons.tsx';
import { AuditFilters, type MemberOption } from './audit-filters.tsx';
import { AuditTable } from './audit-table.tsx';
import { useAuditLog } from './use-audit-log.ts';

const initialFilter = (): AuditFilter => ({
  from: new Date(Date.now() - 7 * 86_400_000).toISOString(),
  to: undefined,
  eventType: '',
  userId: '',
  result: '',
});

/** The audit log of one workspace: filters, a page of records (newest first), paging and export. */
export function AuditViewer({
  workspaceId,
  canListMembers,
}: {
  readonly workspaceId: string;
  readonly canListMembers: boolean;
}) {
  const [filter, setFilter] = useState<AuditFilter>(initialFilter);
  const { state, goTo, hasNext, refresh } = useAuditLog(workspaceId, filter);
  const members = useLoad(`${workspaceId} ${String(canListMembers)}`, async (signal) =>
    canListMembers
      ? (await listMembers(workspaceId, signal)).map((m): MemberOption => ({ id: m.id, name: m.username }))
      : undefined,
  );
  const options = members.state.status === 'ready' ? members.state.data : undefined;
  const names = new Map((options ?? []).map((m) => [m.id, m.name]));
  const records = state.result?.records ?? [];
  const first = (state.page - 1) * AUDIT_PAGE_SIZE + 1;

  return (
    <>
      <AuditFilters members={options} onApply={setFilter} />
      {state.status === 'failed' && <ErrorBanner error={state.error ?? null} />}
      <div className="results-toolbar">
        <p className="search-summary" role="status">
          {state.status === 'loading'
            ? 'Reading the audit log…'
            : records.length === 0
              ? 'No audit records match.'
              : `Records ${first}–${first + records.length - 1}, newest first${hasNext ? '; more on the next page' : ''}.`}
        </p>
        <button type="button" className="button" onClick={refresh}>
          Refresh
        </button>
        <AuditExportButtons workspaceId={workspaceId} filter={filter} onExported={refresh} />
        {(state.page > 1 || hasNext) && (
          <ResultPager page={state.page} hasNext={hasNext} busy={state.status === 'loading'} onPage={goTo} />
        )}
      </div>
      {records.length > 0 && <AuditTable records={records} caption="Audit records" userNames={names} />}
    </>
  );
}
