import { useCallback, useEffect, useRef, useState } from 'react';
import { asApiError, type ApiError } from '../api/api-error.ts';
import { redirectIfSignedOut } from '../auth/redirect-if-signed-out.ts';
import { useSession } from '../auth/session-store.ts';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { useCurrentWorkspace } from '../workspaces/current-workspace.ts';
import { WorkspaceAccessDenied } from '../workspaces/workspace-access-denied.tsx';
import { RefusalsTable } from './refusals-table.tsx';
import { fetchSources, type SourceStats } from './sources-api.ts';
import { SourcesTable } from './sources-table.tsx';
import { SyslogSourcesSection } from './syslog-sources-section.tsx';
import './sources.css';

/** Data sources of the workspace in view, with their ingest counters. */
export function SourcesPage() {
  const session = useSession();
  const workspaces = session.status === 'signed-in' ? session.workspaces : [];
  const workspaceId = useCurrentWorkspace(workspaces);
  const workspace = workspaces.find((w) => w.id === workspaceId);
  return (
    <>
      <div className="page-header">
        <h1>Data sources</h1>
      </div>
      {workspaceId === undefined ? (
        <div className="empty-state">
          <p className="empty-state-title">No workspace</p>
          <p>Your account has no role in any workspace yet; an administrator has to grant you one.</p>
        </div>
      ) : workspace === undefined ? (
        <WorkspaceAccessDenied workspaceId={workspaceId} />
      ) : (
        <>
          <WorkspaceSources key={workspace.id} workspaceId={workspace.id} />
          <SyslogSourcesSection key={`syslog ${workspace.id}`} workspaceId={workspace.id} />
        </>
      )}
    </>
  );
}

function WorkspaceSources({ workspaceId }: { readonly workspaceId: string }) {
  const [rows, setRows] = useState<SourceStats | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const controller = useRef<AbortController | null>(null);

  const load = useCallback(async () => {
    controller.current?.abort();
    const mine = new AbortController();
    controller.current = mine;
    setBusy(true);
    try {
      const fresh = await fetchSources(workspaceId, mine.signal);
      if (mine.signal.aborted) return;
      setRows(fresh);
      setError(null);
    } catch (e) {
      if (mine.signal.aborted) return;
      const apiError = asApiError(e);
      if (redirectIfSignedOut(apiError)) return;
      setError(apiError);
    } finally {
      if (!mine.signal.aborted) setBusy(false);
    }
  }, [workspaceId]);

  useEffect(() => {
    void load();
    return () => controller.current?.abort();
  }, [load]);

  return (
    <section aria-labelledby="sources-title">
      <div className="results-toolbar">
        <h2 id="sources-title">Ingest counters</h2>
        <button type="button" className="button" onClick={() => void load()} disabled={busy}>
          {busy ? 'Refreshing…' : 'Refresh'}
        </button>
      </div>
      <ErrorBanner error={error} />
      <p className="muted">
        Counters of this server process since it started: records received and parsed, kept with a parse
        error, dropped (UDP overflow), refused with retry-later (the sender resends), payload bytes, and how
        far event time lags behind arrival.
      </p>
      {rows === undefined ? (
        <p role="status">Loading…</p>
      ) : rows.rows.length === 0 ? (
        <p className="empty-state" role="status">
          No source has sent events to this workspace since the server started.
        </p>
      ) : (
        <SourcesTable rows={rows.rows} />
      )}
      {rows !== undefined && <RefusalsTable rows={rows.refusals} bySource={rows.bySource} />}
    </section>
  );
}
