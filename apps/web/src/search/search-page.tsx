import { useSession } from '../auth/session-store.ts';
import { useCurrentWorkspace } from '../workspaces/current-workspace.ts';
import { WorkspaceAccessDenied } from '../workspaces/workspace-access-denied.tsx';
import { WorkspaceSearch } from './workspace-search.tsx';
import './search.css';

/** Search over the stored events of the workspace in view (`?workspace=`, or the switcher's choice). */
export function SearchPage() {
  const session = useSession();
  const workspaces = session.status === 'signed-in' ? session.workspaces : [];
  const workspaceId = useCurrentWorkspace(workspaces);
  const workspace = workspaces.find((w) => w.id === workspaceId);
  return (
    <>
      <div className="page-header">
        <h1>Search</h1>
      </div>
      {workspaceId === undefined ? (
        <div className="empty-state">
          <p className="empty-state-title">No workspace</p>
          <p>Your account has no role in any workspace yet; an administrator has to grant you one.</p>
        </div>
      ) : workspace === undefined ? (
        <WorkspaceAccessDenied workspaceId={workspaceId} />
      ) : (
        <WorkspaceSearch key={workspace.id} workspaceId={workspace.id} />
      )}
    </>
  );
}
