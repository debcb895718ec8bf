import { useSession } from '../auth/session-store.ts';
import { ErrorBanner } from '../shell/error-banner.tsx';
import { useCurrentWorkspace } from '../workspaces/current-workspace.ts';
import { mayIn } from './access.ts';
import { MyAccessRequests } from './my-access-requests.tsx';
import { PendingRequests } from './pending-requests.tsx';
import { useAccess } from './use-access.ts';
import { WorkspaceOperatorAccess } from './workspace-operator-access.tsx';
import { WorkspaceScope } from './workspace-scope.tsx';

const APPROVE = 'operator_access.approve';
const READ = 'operator_access.read';
const REQUEST = 'operator_access.request';

/**
 * `/settings/operator-access`: a security manager (platform role, often without any workspace role)
 * decides pending requests of every workspace; the workspace owner sees grants to the workspace in view
 * and their log, and can revoke them.
 */
export function OperatorAccessPage() {
  const access = useAccess();
  const session = useSession();
  const workspaces = session.status === 'signed-in' ? session.workspaces : [];
  const workspaceId = useCurrentWorkspace(workspaces);
  if (access.status === 'loading') return <p role="status">Checking your permissions…</p>;
  if (access.status === 'failed') return <ErrorBanner error={access.error} />;
  const approver = access.data.platform.has(APPROVE);
  const requester = access.data.platform.has(REQUEST);
  // A security manager or operator is not told "access denied" about a workspace they were never meant to see.
  const showWorkspace =
    !(approver || requester) || (workspaceId !== undefined && mayIn(access.data, workspaceId, READ));
  return (
    <>
      {requester && <MyAccessRequests />}
      {approver && <PendingRequests />}
      {showWorkspace && (
        <WorkspaceScope>
          {(id) => <WorkspaceOperatorAccess key={id} workspaceId={id} access={access.data} />}
        </WorkspaceScope>
      )}
    </>
  );
}
