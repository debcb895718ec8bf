import { mayIn } from '../admin/access.ts';
import { PermissionGate } from '../admin/permission-gate.tsx';
import { WorkspaceScope } from '../admin/workspace-scope.tsx';
import { AuditViewer } from './audit-viewer.tsx';
import { ChainVerification } from './chain-verification.tsx';
import '../admin/admin.css';
import '../search/search.css';

/** `/audit`: the workspace audit log for accounts holding `audit.read` there. */
export function AuditPage() {
  return (
    <>
      <div className="page-header">
        <h1>Audit log</h1>
      </div>
      <WorkspaceScope>
        {(workspaceId) => (
          <PermissionGate
            key={workspaceId}
            workspaceId={workspaceId}
            what="Reading the audit log"
            permissions={['audit.read']}
          >
            {(access) => (
              <>
                {access.platform.has('platform.audit.read') && <ChainVerification />}
                <AuditViewer
                  workspaceId={workspaceId}
                  canListMembers={mayIn(access, workspaceId, 'users.read')}
                />
              </>
            )}
          </PermissionGate>
        )}
      </WorkspaceScope>
    </>
  );
}
