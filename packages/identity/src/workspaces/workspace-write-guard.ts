import { userError, type VigilError } from '@vigil/core';
import type { Workspace } from './workspace.ts';

/** Permissions whose routes only read even when they are POSTs (a search body, an export, a rule test). */
const READ_ONLY_PERMISSIONS = new Set(['events.search', 'events.export', 'rules.test']);
/** Restoring or (re)scheduling deletion is how an archived workspace leaves that state. */
const LIFECYCLE_PERMISSIONS = new Set(['workspace.delete']);

/** True when a request with this method, checked against this permission, changes workspace data. */
export function isWorkspaceWrite(method: string, permission: string): boolean {
  if (['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase())) return false;
  if (permission.endsWith('.read') || READ_ONLY_PERMISSIONS.has(permission)) return false;
  return !LIFECYCLE_PERMISSIONS.has(permission);
}

/**
 * Why `workspace` refuses writes, or undefined when it accepts them: archived workspaces are read-only
 * and so are those scheduled for deletion (their data waits, unchanged, for restore or purge).
 * Example: `workspaceWriteRefusal({ …, status: 'archived' })` → WORKSPACE_ARCHIVED (409).
 */
export function workspaceWriteRefusal(workspace: Workspace | undefined): VigilError | undefined {
  if (!workspace || workspace.status === 'active') return undefined;
  return workspace.status === 'archived'
    ? userError(
        'WORKSPACE_ARCHIVED',
        `Workspace ${workspace.id} is archived: it is read-only until restored`,
        {
          status: 409,
          details: { workspaceId: workspace.id, status: workspace.status },
        },
      )
    : userError(
        'WORKSPACE_DELETING',
        `Workspace ${workspace.id} is scheduled for deletion: it is read-only until restored`,
        { status: 409, details: { workspaceId: workspace.id, status: workspace.status } },
      );
}
