import { userError } from '@vigil/core';
import {
  builtInRole,
  canGrantRole,
  groupPrincipalId,
  type Group,
  type Principal,
  type Role,
} from '@vigil/identity';
import type { IdentityRuntime } from '../auth/identity-runtime.ts';
import { forbidden, notFound } from '../auth/auth.error.ts';

export async function groupOf(rt: IdentityRuntime, workspaceId: string, groupId: string): Promise<Group> {
  const group = await rt.stores.groups.get(workspaceId, groupId);
  if (!group) throw notFound('group');
  return group;
}

/** A workspace role by id (built-in or this workspace's custom role); ROLE_UNKNOWN names the field. */
export async function workspaceRoleOf(
  rt: IdentityRuntime,
  workspaceId: string,
  roleId: string,
): Promise<Role> {
  const role = builtInRole(roleId) ?? (await rt.stores.roles.get(workspaceId, roleId));
  if (!role || role.scope !== 'workspace') {
    throw userError('ROLE_UNKNOWN', `No role ${roleId} in this workspace`, {
      status: 400,
      details: { field: 'role' },
    });
  }
  return role;
}

/**
 * Changing who is in a group (or deleting it) hands out or takes back every role the group holds, so
 * the caller must be allowed to grant each of them: an admin cannot join an owner group (no escalation).
 */
export async function assertMayChangeGroup(
  rt: IdentityRuntime,
  principal: Principal,
  group: Group,
): Promise<string[]> {
  const grants = await rt.stores.roleGrants.listForPrincipal(groupPrincipalId(group.id));
  const roleIds = grants.filter((g) => g.workspaceId === group.workspaceId).map((g) => g.roleId);
  for (const roleId of roleIds) {
    const role = builtInRole(roleId) ?? (await rt.stores.roles.get(group.workspaceId, roleId));
    if (!role) continue;
    const may = canGrantRole(principal, group.workspaceId, role);
    if (!may.allowed) throw forbidden(`roles.manage (${may.reason})`, group.workspaceId);
  }
  return roleIds;
}
