import type { RoleGrant } from '../access/role-grant.ts';
import type { GroupMember } from './group.ts';
import { groupPrincipalId } from './group.ts';

/**
 * An account's effective grants: its own plus those of the groups it belongs to, each group grant kept
 * only in the group's own workspace (a stray grant elsewhere never leaks across tenants). The union is
 * what `resolveGrants` turns into permissions, so removing a membership or a group revokes at once.
 * Example: member of g1 in ws-a, g1 holds analyst in ws-a → the account gets analyst in ws-a.
 */
export function effectiveRoleGrants(
  direct: readonly RoleGrant[],
  memberships: readonly GroupMember[],
  groupGrants: ReadonlyMap<string, readonly RoleGrant[]>,
): RoleGrant[] {
  const out = [...direct];
  for (const m of memberships) {
    for (const g of groupGrants.get(groupPrincipalId(m.groupId)) ?? []) {
      if (g.workspaceId === m.workspaceId) out.push(g);
    }
  }
  return out;
}
