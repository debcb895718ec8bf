import type { Role } from './role.ts';
import { roleInUse } from './role.error.ts';
import type { RoleGrantStore } from './role-grant.port.ts';
import type { RoleStore } from './role.port.ts';

const copy = (role: Role): Role => ({ ...role, permissions: [...role.permissions] });

/** In-memory `RoleStore`; it asks `grants` whether a role is still held before deleting it. */
export class MemoryRoleStore implements RoleStore {
  readonly #rows = new Map<string, Role & { workspace: string }>();
  readonly #grants: RoleGrantStore;

  constructor(grants: RoleGrantStore) {
    this.#grants = grants;
  }

  get(workspaceId: string, roleId: string): Promise<Role | undefined> {
    const row = this.#rows.get(JSON.stringify([workspaceId, roleId]));
    return Promise.resolve(row && copy(row));
  }
  /** Ordered by id. */
  list(workspaceId: string): Promise<Role[]> {
    const rows = [...this.#rows.values()]
      .filter((r) => r.workspace === workspaceId)
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return Promise.resolve(rows.map(copy));
  }
  put(role: Role & { workspace: string }): Promise<void> {
    this.#rows.set(JSON.stringify([role.workspace, role.id]), {
      ...role,
      permissions: [...role.permissions],
    });
    return Promise.resolve();
  }
  async delete(workspaceId: string, roleId: string): Promise<boolean> {
    const held = (await this.#grants.listForWorkspace(workspaceId)).some((g) => g.roleId === roleId);
    if (held) throw roleInUse(workspaceId, roleId);
    return this.#rows.delete(JSON.stringify([workspaceId, roleId]));
  }
}
