import { groupIdOfPrincipal } from '@vigil/identity';
import type { IdentityRuntime } from '../auth/identity-runtime.ts';

/** Accounts in a group of the workspace: whose privileges change with the group's roles. */
export async function groupMemberIds(
  rt: IdentityRuntime,
  workspaceId: string,
  groupId: string,
): Promise<string[]> {
  return (await rt.stores.groups.listMembers(workspaceId, groupId)).map((m) => m.userId);
}

/** Accounts holding a workspace role directly or through a group: whose privileges change with it. */
export async function roleHolderIds(
  rt: IdentityRuntime,
  workspaceId: string,
  roleId: string,
): Promise<string[]> {
  const ids = new Set<string>();
  for (const grant of await rt.stores.roleGrants.listForWorkspace(workspaceId)) {
    if (grant.roleId !== roleId) continue;
    const groupId = groupIdOfPrincipal(grant.principalId);
    if (groupId === undefined) ids.add(grant.principalId);
    else for (const id of await groupMemberIds(rt, workspaceId, groupId)) ids.add(id);
  }
  return [...ids];
}
