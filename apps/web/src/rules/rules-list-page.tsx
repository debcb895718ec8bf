import { useState } from 'react';
import { PermissionGate } from '../admin/permission-gate.tsx';
import { mayIn } from '../admin/access.ts';
import { ImportPanel } from './import-panel.tsx';
import { RuleFiltersForm } from './rule-filters-form.tsx';
import { RulesResults } from './rules-results.tsx';
import type { RuleFilters } from './rules-api.ts';

const NO_FILTERS: RuleFilters = { q: '', level: '', status: '', enabled: '', tag: '' };

/** `/detection`: search and filter the workspace's rules, enable or disable them, import more. */
export function RulesListPage({ workspaceId }: { readonly workspaceId: string }) {
  const [filters, setFilters] = useState<RuleFilters>(NO_FILTERS);
  const [round, setRound] = useState(0);
  return (
    <>
      <div className="page-header">
        <h1>Detection rules</h1>
      </div>
      <PermissionGate workspaceId={workspaceId} what="Reading detection rules" permissions={['rules.read']}>
        {(access) => {
          const mayWrite = mayIn(access, workspaceId, 'rules.write');
          return (
            <>
              {mayWrite && (
                <ImportPanel workspaceId={workspaceId} onImported={() => setRound((r) => r + 1)} />
              )}
              <RuleFiltersForm initial={filters} onApply={setFilters} />
              <RulesResults
                key={`${JSON.stringify(filters)} ${round}`}
                workspaceId={workspaceId}
                filters={filters}
                mayWrite={mayWrite}
              />
            </>
          );
        }}
      </PermissionGate>
    </>
  );
}
