import { PermissionGate } from './permission-gate.tsx';
import { WorkspaceUsers } from './workspace-users.tsx';
import { WorkspaceScope } from './workspace-scope.tsx';

/** `/settings/users`: for accounts that manage members or roles of the workspace in view. */
export function UsersPage() {
  return (
    <WorkspaceScope>
      {(workspaceId) => (
        <PermissionGate
          key={workspaceId}
          workspaceId={workspaceId}
          what="Managing users and roles"
          permissions={['users.manage', 'roles.manage']}
        >
          {(access) => <WorkspaceUsers workspaceId={workspaceId} access={access} />}
        </PermissionGate>
      )}
    </WorkspaceScope>
  );
}
