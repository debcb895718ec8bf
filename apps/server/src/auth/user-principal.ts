import {
  builtInRole,
  hasPlatformPermission,
  resolveGrants,
  type IdentityStores,
  type Principal,
  type Role,
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

/** Resolves an account's stored grants into the principal `authorize` checks (fresh on every request). */
export async function userPrincipal(stores: IdentityStores, user: User): Promise<Principal> {
  const stored = await stores.roleGrants.listForPrincipal(user.id);
  const resolved = resolveGrants(stored, await roleLookup(stores, stored));
  const principal: Principal = { id: user.id, kind: 'user', disabled: user.disabled, ...resolved };
  if (!hasPlatformPermission(principal, 'operator_access.request')) return principal;
  return { ...principal, operatorAccess: await stores.operatorAccess.listApprovedForOperator(user.id) };
}
