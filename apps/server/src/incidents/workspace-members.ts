import { groupIdOfPrincipal } from '@vigil/identity';
import type { MentionableMember } from '@vigil/cases';
import type { IdentityRuntime } from '../auth/identity-runtime.ts';

/**
 * The enabled accounts holding a role in a workspace, directly or through a group: who an `@name`
 * mention may name there.
 */
export function workspaceMembers(rt: IdentityRuntime): (workspace: string) => Promise<MentionableMember[]> {
  return async (workspace) => {
    const ids = new Set<string>();
    for (const g of await rt.stores.roleGrants.listForWorkspace(workspace)) {
      if (groupIdOfPrincipal(g.principalId) === undefined) ids.add(g.principalId);
    }
    for (const group of await rt.stores.groups.list(workspace)) {
      for (const m of await rt.stores.groups.listMembers(workspace, group.id)) ids.add(m.userId);
    }
    const out: MentionableMember[] = [];
    for (const id of ids) {
      const user = await rt.stores.users.get(id);
      if (user === undefined || user.disabled) continue;
      out.push({
        id: user.id,
        username: user.username,
        ...(user.displayName === undefined ? {} : { displayName: user.displayName }),
      });
    }
    return out;
  };
}
