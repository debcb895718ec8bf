import type { RoleGrant } from './role-grant.ts';
import type { RoleGrantStore } from './role-grant.port.ts';

const keyOf = (principalId: string, roleId: string, workspaceId: string | undefined) =>
  JSON.stringify([principalId, roleId, workspaceId ?? null]);
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** In-memory `RoleGrantStore` for tests and the reference behaviour for adapters. */
export class MemoryRoleGrantStore implements RoleGrantStore {
  readonly #rows = new Map<string, RoleGrant>();

  grant(grant: RoleGrant): Promise<void> {
    const key = keyOf(grant.principalId, grant.roleId, grant.workspaceId);
    // Idempotent: a repeated grant keeps who granted it first and when.
    if (!this.#rows.has(key)) this.#rows.set(key, { ...grant });
    return Promise.resolve();
  }
  revoke(principalId: string, roleId: string, workspaceId: string | undefined): Promise<boolean> {
    return Promise.resolve(this.#rows.delete(keyOf(principalId, roleId, workspaceId)));
  }
  /** Ordered by workspace (platform grants first), then role. */
  listForPrincipal(principalId: string): Promise<RoleGrant[]> {
    const rows = [...this.#rows.values()]
      .filter((g) => g.principalId === principalId)
      .sort((a, b) => cmp(a.workspaceId ?? '', b.workspaceId ?? '') || cmp(a.roleId, b.roleId));
    return Promise.resolve(rows.map((g) => ({ ...g })));
  }
  /** Ordered by principal, then role. */
  listForWorkspace(workspaceId: string): Promise<RoleGrant[]> {
    const rows = [...this.#rows.values()]
      .filter((g) => g.workspaceId === workspaceId)
      .sort((a, b) => cmp(a.principalId, b.principalId) || cmp(a.roleId, b.roleId));
    return Promise.resolve(rows.map((g) => ({ ...g })));
  }
}
