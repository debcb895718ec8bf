import { authorize } from './authorize.ts';
import type { Principal } from './principal.ts';
import type { Role } from './role.ts';

/**
 * Whether `granter` may grant (or revoke) `role` in `workspaceId`: needs `roles.manage` there through a
 * role (not operator access), and may not hand out a permission it does not hold itself (no escalation,
 * so an admin cannot make anyone an owner).
 */
export function canGrantRole(
  granter: Principal,
  workspaceId: string,
  role: Role,
): { allowed: boolean; reason: string } {
  if (role.scope !== 'workspace')
    return { allowed: false, reason: 'platform roles are not granted in a workspace' };
  if (role.workspace !== undefined && role.workspace !== workspaceId) {
    return { allowed: false, reason: `role ${role.id} belongs to another workspace` };
  }
  const manage = authorize(granter, workspaceId, 'roles.manage');
  if (!manage.allowed || manage.via.kind !== 'role')
    return { allowed: false, reason: 'roles.manage is required' };
  const held = new Set(
    granter.grants.filter((g) => g.workspaceId === workspaceId).flatMap((g) => g.permissions),
  );
  const missing = role.permissions.filter((p) => !held.has(p));
  return missing.length === 0
    ? { allowed: true, reason: `granter holds every permission of ${role.id}` }
    : { allowed: false, reason: `granter lacks ${missing.join(', ')}` };
}
