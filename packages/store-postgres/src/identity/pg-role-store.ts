import { roleInUse } from '@vigil/identity';
import type { Permission, Role, RoleStore } from '@vigil/identity';
import type { PgScopedDb } from './pg-scoped-db.ts';

interface Row {
  workspace: string;
  id: string;
  name: string;
  permissions: Permission[];
}

/** Custom roles, keyed by (workspace, id); every statement runs in the role's workspace scope (RLS). */
export class PgRoleStore implements RoleStore {
  readonly #db: PgScopedDb;

  constructor(db: PgScopedDb) {
    this.#db = db;
  }

  get(workspaceId: string, roleId: string): Promise<Role | undefined> {
    return this.#db.run({ workspace: workspaceId }, async (c) => {
      const row = (
        await c.query<Row>(
          'SELECT workspace, id, name, permissions FROM roles WHERE workspace = $1 AND id = $2',
          [workspaceId, roleId],
        )
      ).rows[0];
      return row && toRole(row);
    });
  }

  list(workspaceId: string): Promise<Role[]> {
    return this.#db.run({ workspace: workspaceId }, async (c) => {
      const result = await c.query<Row>(
        'SELECT workspace, id, name, permissions FROM roles WHERE workspace = $1 ORDER BY id',
        [workspaceId],
      );
      return result.rows.map(toRole);
    });
  }

  async put(role: Role & { workspace: string }): Promise<void> {
    await this.#db.run({ workspace: role.workspace }, (c) =>
      c.query(
        `INSERT INTO roles (workspace, id, name, permissions) VALUES ($1, $2, $3, $4::jsonb)
         ON CONFLICT (workspace, id) DO UPDATE SET name = excluded.name, permissions = excluded.permissions`,
        [role.workspace, role.id, role.name, JSON.stringify(role.permissions)],
      ),
    );
  }

  delete(workspaceId: string, roleId: string): Promise<boolean> {
    return this.#db.run({ workspace: workspaceId }, async (c) => {
      // Lock the role first: a concurrent grant of it (which locks the same row, see PgRoleGrantStore)
      // either commits before this check or waits until the role is gone.
      const role = await c.query('SELECT 1 FROM roles WHERE workspace = $1 AND id = $2 FOR UPDATE', [
        workspaceId,
        roleId,
      ]);
      if ((role.rowCount ?? 0) === 0) return false;
      const held = await c.query('SELECT 1 FROM role_grants WHERE workspace = $1 AND role_id = $2 LIMIT 1', [
        workspaceId,
        roleId,
      ]);
      if ((held.rowCount ?? 0) > 0) throw roleInUse(workspaceId, roleId);
      await c.query('DELETE FROM roles WHERE workspace = $1 AND id = $2', [workspaceId, roleId]);
      return true;
    });
  }
}

function toRole(r: Row): Role {
  return {
    id: r.id,
    name: r.name,
    scope: 'workspace',
    permissions: r.permissions,
    builtIn: false,
    workspace: r.workspace,
  };
}
