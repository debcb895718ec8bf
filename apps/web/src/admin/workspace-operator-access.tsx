import { AccessDenied } from './access-denied.tsx';
import { mayIn, type Access } from './access.ts';
import { WorkspaceGrants } from './workspace-grants.tsx';

/** The workspace owner's part of the operator-access page, for the workspace in view. */
export function WorkspaceOperatorAccess({
  workspaceId,
  access,
}: {
  readonly workspaceId: string;
  readonly access: Access;
}) {
  if (!mayIn(access, workspaceId, 'operator_access.read'))
    return (
      <AccessDenied
        what="Seeing operator access to this workspace"
        permissions={['operator_access.read', 'operator_access.approve']}
      />
    );
  return <WorkspaceGrants workspaceId={workspaceId} canRevoke={mayIn(access, workspaceId, 'roles.manage')} />;
}
