import { useState } from 'react';
import { PermissionGate } from '../admin/permission-gate.tsx';
import { useLoad } from '../admin/use-load.ts';
import { WorkspaceScope } from '../admin/workspace-scope.tsx';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { OverviewBody } from './overview-body.tsx';
import { getCrossWorkspaceOverview, getOverview } from './overview-api.ts';
import './overview.css';

type Scope = 'workspace' | 'granted';

/** `/overview`: the situation of the workspace in view, or the aggregate of the workspaces that granted it. */
export function OverviewPage() {
  return (
    <>
      <div className="page-header">
        <h1>Overview</h1>
      </div>
      <WorkspaceScope>
        {(workspaceId) => (
          <PermissionGate
            key={workspaceId}
            workspaceId={workspaceId}
            what="Reading the overview"
            permissions={['reports.read']}
          >
            {() => <WorkspaceOverview workspaceId={workspaceId} />}
          </PermissionGate>
        )}
      </WorkspaceScope>
    </>
  );
}

function WorkspaceOverview({ workspaceId }: { readonly workspaceId: string }) {
  const [scope, setScope] = useState<Scope>('workspace');
  const own = useLoad(`own ${workspaceId}`, (signal) => getOverview(workspaceId, signal));
  const sources = own.state.status === 'ready' ? own.state.data.crossWorkspaceSources : 0;
  return (
    <>
      {sources > 0 && (
        <div className="overview-scope" role="group" aria-label="Overview of">
          <button
            type="button"
            className="button"
            aria-pressed={scope === 'workspace'}
            onClick={() => setScope('workspace')}
          >
            This workspace
          </button>
          <button
            type="button"
            className="button"
            aria-pressed={scope === 'granted'}
            onClick={() => setScope('granted')}
          >
            Granted workspaces ({sources}, aggregated)
          </button>
        </div>
      )}
      {scope === 'granted' && sources > 0 ? (
        <AggregatedOverview workspaceId={workspaceId} />
      ) : own.state.status === 'loading' ? (
        <p role="status">Loading the overview…</p>
      ) : own.state.status === 'failed' ? (
        <ErrorBanner error={own.state.error} />
      ) : (
        <OverviewBody view={own.state.data} workspaceId={workspaceId} aggregated={false} />
      )}
    </>
  );
}

function AggregatedOverview({ workspaceId }: { readonly workspaceId: string }) {
  const { state } = useLoad(`granted ${workspaceId}`, (signal) =>
    getCrossWorkspaceOverview(workspaceId, signal),
  );
  if (state.status === 'loading') return <p role="status">Loading the aggregated overview…</p>;
  if (state.status === 'failed') return <ErrorBanner error={state.error} />;
  return (
    <>
      <p className="muted">
        Aggregated figures of the {state.data.workspaces.length} workspaces that granted {workspaceId} a
        cross-workspace view: counts and trends only, no alert or event details.
      </p>
      <OverviewBody view={state.data} workspaceId={workspaceId} aggregated />
    </>
  );
}
