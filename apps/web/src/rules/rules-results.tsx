import { useState } from 'react';
import { useLoad } from '../admin/use-load.ts';
import { ResultPager } from '../search/result-pager.tsx';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { listRules, PAGE_SIZE, type RuleFilters } from './rules-api.ts';
import { RuleBulkActions } from './rule-bulk-actions.tsx';
import { RulesTable } from './rules-table.tsx';

/** One page of rules for the filters, with keyset paging (the cursors are kept to page back). */
export function RulesResults({
  workspaceId,
  filters,
  mayWrite,
}: {
  readonly workspaceId: string;
  readonly filters: RuleFilters;
  readonly mayWrite: boolean;
}) {
  // cursors[i] fetches page i + 1.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [page, setPage] = useState(1);
  const { state, reload } = useLoad(`${page}`, (signal) =>
    listRules(workspaceId, filters, cursors[page - 1], signal),
  );
  const next = state.status === 'ready' ? state.data.next : undefined;
  const goTo = (target: number) => {
    if (target > page && next !== undefined) setCursors((c) => [...c.slice(0, page), next]);
    setPage(target);
  };
  const first = (page - 1) * PAGE_SIZE + 1;
  // Selection survives paging (ids), so a bulk action may span pages; it is cleared after one.
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setSelected((cur) => {
      const next = new Set(cur);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const toggleAll = (all: boolean) =>
    setSelected((cur) => {
      const next = new Set(cur);
      for (const r of state.status === 'ready' ? state.data.rules : [])
        if (all) next.add(r.id);
        else next.delete(r.id);
      return next;
    });
  const afterBulk = () => {
    setSelected(new Set());
    reload();
  };
  return (
    <section className="rules-results" aria-label="Rule list">
      {state.status === 'loading' && <p role="status">Loading rules…</p>}
      {state.status === 'failed' && <ErrorBanner error={state.error} />}
      {state.status === 'ready' && (
        <>
          <p role="status" className="muted">
            {state.data.total === 0
              ? 'No rules match.'
              : `Rules ${first}–${first + state.data.rules.length - 1} of ${state.data.total}.`}
          </p>
          {mayWrite && state.data.total > 0 && (
            <RuleBulkActions
              workspaceId={workspaceId}
              selected={[...selected]}
              filters={filters}
              total={state.data.total}
              onDone={afterBulk}
            />
          )}
          {state.data.rules.length > 0 && (
            <RulesTable
              workspaceId={workspaceId}
              rules={state.data.rules}
              mayWrite={mayWrite}
              onChanged={reload}
              selected={selected}
              onToggle={toggle}
              onToggleAll={toggleAll}
            />
          )}
          {(page > 1 || next !== undefined) && (
            <ResultPager page={page} hasNext={next !== undefined} busy={false} onPage={goTo} />
          )}
        </>
      )}
    </section>
  );
}
