import type { ReactNode } from 'react';
import { useSession } from '../auth/session-store.ts';
import { useCurrentWorkspace } from '../workspaces/current-workspace.ts';
import { WorkspaceAccessDenied } from '../workspaces/workspace-access-denied.tsx';

/** Renders a workspace page for the workspace in view, or why there is none to show. */
export function WorkspaceScope({ children }: { readonly children: (workspaceId: string) => ReactNode }) {
  const session = useSession();
  const workspaces = session.status === 'signed-in' ? session.workspaces : [];
  const workspaceId = useCurrentWorkspace(workspaces);
  if (workspaceId === undefined) {
    return (
      <div className="empty-state">
        <p className="empty-state-title">No workspace</p>
        <p>Your account has no role in any workspace yet; an administrator has to grant you one.</p>
      </div>
    );
  }
  if (!workspaces.some((w) => w.id === workspaceId))
    return <WorkspaceAccessDenied workspaceId={workspaceId} />;
  return children(workspaceId);
}
