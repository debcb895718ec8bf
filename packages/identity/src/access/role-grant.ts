import type { Role } from './role.ts';
import type { PlatformGrant, WorkspaceGrant } from './principal.ts';

/** A stored role assignment: a principal holds a role in one workspace (or, for platform roles, installation-wide). */
export interface RoleGrant {
  principalId: string;
  roleId: string;
  /** Undefined for platform roles. */
  workspaceId?: string;
  grantedBy: string;
  grantedAt: number;
}

/**
 * Resolves stored grants into a principal's grants. Unknown roles, and roles whose scope does not match
 * the grant (a platform role "granted" in a workspace), resolve to nothing: deny by default.
 */
export function resolveGrants(
  grants: readonly RoleGrant[],
  lookupRole: (roleId: string, workspaceId: string | undefined) => Role | undefined,
): { grants: WorkspaceGrant[]; platformGrants: PlatformGrant[] } {
  const out = { grants: [] as WorkspaceGrant[], platformGrants: [] as PlatformGrant[] };
  for (const g of grants) {
    const role = lookupRole(g.roleId, g.workspaceId);
    if (!role) continue;
    if (g.workspaceId !== undefined && role.scope === 'workspace') {
      if (role.workspace !== undefined && role.workspace !== g.workspaceId) continue;
      out.grants.push({ workspaceId: g.workspaceId, roleId: role.id, permissions: role.permissions });
    } else if (g.workspaceId === undefined && role.scope === 'platform') {
      out.platformGrants.push({ roleId: role.id, permissions: role.permissions });
    }
  }
  return out;
}
