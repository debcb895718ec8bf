import type { ReactNode } from 'react';
import { PermissionGate } from '../admin/permission-gate.tsx';
import { WorkspaceScope } from '../admin/workspace-scope.tsx';
import { mayIn } from '../admin/access.ts';

/** The workspace in view, when the account may read `permission` there; `canWrite` tells about `write`. */
export function CasesScope({
  what,
  read,
  write,
  children,
}: {
  readonly what: string;
  readonly read: string;
  readonly write: string;
  readonly children: (workspaceId: string, canWrite: boolean) => ReactNode;
}) {
  return (
    <WorkspaceScope>
      {(workspaceId) => (
        <PermissionGate key={workspaceId} workspaceId={workspaceId} what={what} permissions={[read]}>
          {(access) => children(workspaceId, mayIn(access, workspaceId, write))}
        </PermissionGate>
      )}
    </WorkspaceScope>
  );
}
