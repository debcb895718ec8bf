import { systemClock, type Clock } from '@vigil/core';
import { isPermission, permissionScope, type Permission } from './permission-catalogue.ts';
import { isOperatorAccessActive } from './operator-access.ts';
import type { Principal } from './principal.ts';

export type Authorization =
  | {
      allowed: true;
      reason: string;
      via: { kind: 'role'; roleId: string } | { kind: 'operator_access'; grantId: string };
    }
  | { allowed: false; reason: string };

/** True when one of the principal's roles in `workspaceId` holds the permission (roles only, no operator access). */
export function hasWorkspacePermission(
  principal: Principal,
  workspaceId: string,
  permission: Permission,
): boolean {
  return principal.grants.some((g) => g.workspaceId === workspaceId && g.permissions.includes(permission));
}

export function hasPlatformPermission(principal: Principal, permission: Permission): boolean {
  return (principal.platformGrants ?? []).some((g) => g.permissions.includes(permission));
}

/**
 * Decides whether `principal` may use `permission` in `workspaceId`. Deny by default: only a role granted
 * in that very workspace, or an active operator-access grant for it, allows. Platform roles never do.
 * Example: `authorize(p, 'default', 'alerts.read')` → `{ allowed: true, reason: 'role analyst in workspace default', … }`.
 */
export function authorize(
  principal: Principal,
  workspaceId: string,
  permission: string,
  clock: Clock = systemClock,
): Authorization {
  if (!isPermission(permission)) return { allowed: false, reason: `unknown permission "${permission}"` };
  if (permissionScope(permission) !== 'workspace') {
    return { allowed: false, reason: `"${permission}" is a platform permission` };
  }
  if (principal.disabled) return { allowed: false, reason: 'account disabled' };
  const grant = principal.grants.find(
    (g) => g.workspaceId === workspaceId && g.permissions.includes(permission),
  );
  if (grant) {
    return {
      allowed: true,
      reason: `role ${grant.roleId} in workspace ${workspaceId}`,
      via: { kind: 'role', roleId: grant.roleId },
    };
  }
  const now = clock.now();
  const access = (principal.operatorAccess ?? []).find(
    (a) =>
      a.operatorId === principal.id &&
      isOperatorAccessActive(a, workspaceId, now) &&
      a.permissions.includes(permission),
  );
  if (access) {
    return {
      allowed: true,
      reason: `operator access ${access.id} (ticket ${access.ticket}) in workspace ${workspaceId}`,
      via: { kind: 'operator_access', grantId: access.id },
    };
  }
  const hasAny = principal.grants.some((g) => g.workspaceId === workspaceId);
  return {
    allowed: false,
    reason: hasAny
      ? `no role in workspace ${workspaceId} grants ${permission}`
      : `no access to workspace ${workspaceId}`,
  };
}

/** Decides installation-level permissions (`system.metrics`, `operator_access.approve`…). Deny by default. */
export function authorizePlatform(principal: Principal, permission: string): Authorization {
  if (!isPermission(permission)) return { allowed: false, reason: `unknown permission "${permission}"` };
  if (permissionScope(permission) !== 'platform') {
    return { allowed: false, reason: `"${permission}" is a workspace permission` };
  }
  if (principal.disabled) return { allowed: false, reason: 'account disabled' };
  const grant = (principal.platformGrants ?? []).find((g) => g.permissions.includes(permission));
  return grant
    ? { allowed: true, reason: `platform role ${grant.roleId}`, via: { kind: 'role', roleId: grant.roleId } }
    : { allowed: false, reason: `no platform role grants ${permission}` };
}
