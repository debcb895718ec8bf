import {
  builtInRole,
  effectiveRoleGrants,
  groupPrincipalId,
  hasPlatformPermission,
  resolveGrants,
  type IdentityStores,
  type Principal,
  type Role,
  type RoleGrant,
  type User,
} from '@vigil/identity';

/** Role lookup over built-in roles and the custom roles of the workspaces named in `grants`. */
export async function roleLookup(
  stores: IdentityStores,
  grants: readonly { roleId: string; workspaceId?: string }[],
): Promise<(roleId: string, workspaceId?: string) => Role | undefined> {
  const custom = new Map<string, Role>();
  for (const g of grants) {
    if (g.workspaceId === undefined || builtInRole(g.roleId)) continue;
    const role = await stores.roles.get(g.workspaceId, g.roleId);
    if (role) custom.set(JSON.stringify([g.workspaceId, g.roleId]), role);
  }
  return (roleId, workspaceId) => builtInRole(roleId) ?? custom.get(JSON.stringify([workspaceId, roleId]));
}

/**
 * Resolves an account's stored grants, its own and its groups', into the principal `authorize` checks.
 * Fresh on every request, so a removed membership or group stops counting at the next request.
 */
export async function userPrincipal(stores: IdentityStores, user: User): Promise<Principal> {
  const memberships = await stores.groups.listForUser(user.id);
  const groupGrants = new Map<string, RoleGrant[]>();
  for (const m of memberships) {
    const id = groupPrincipalId(m.groupId);
    if (!groupGrants.has(id)) groupGrants.set(id, await stores.roleGrants.listForPrincipal(id));
  }
  const stored = effectiveRoleGrants(
    await stores.roleGrants.listForPrincipal(user.id),
    memberships,
    groupGrants,
  );
  const resolved = resolveGrants(stored, await roleLookup(stores, stored));
  const principal: Principal = { id: user.id, kind: 'user', disabled: user.disabled, ...resolved };
  if (!hasPlatformPermission(principal, 'operator_access.request')) return principal;
  return { ...principal, operatorAccess: await stores.operatorAccess.listApprovedForOperator(user.id) };
}
