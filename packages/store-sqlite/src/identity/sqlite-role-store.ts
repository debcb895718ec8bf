import type { DatabaseSync } from 'node:sqlite';
import { roleInUse } from '@vigil/identity';
import type { Permission, Role, RoleStore } from '@vigil/identity';
import type { WriteQueue } from '../connection/write-queue.ts';
import { writeTransaction } from '../connection/sqlite-transaction.ts';

interface Row {
  workspace: string;
  id: string;
  name: string;
  permissions: string;
}

/** Custom roles, keyed by (workspace, id): a role of workspace A is never found under B. */
export class SqliteRoleStore implements RoleStore {
  readonly #db: DatabaseSync;
  readonly #writes: WriteQueue;

  constructor(db: DatabaseSync, writes: WriteQueue) {
    this.#db = db;
    this.#writes = writes;
  }

  get(workspaceId: string, roleId: string): Promise<Role | undefined> {
    return Promise.resolve().then(() => {
      const row = this.#db
        .prepare('SELECT workspace, id, name, permissions FROM roles WHERE workspace = ? AND id = ?')
        .get(workspaceId, roleId) as Row | undefined;
      return row && toRole(row);
    });
  }

  list(workspaceId: string): Promise<Role[]> {
    return Promise.resolve().then(() =>
      (
        this.#db
          .prepare('SELECT workspace, id, name, permissions FROM roles WHERE workspace = ? ORDER BY id')
          .all(workspaceId) as unknown as Row[]
      ).map(toRole),
    );
  }

  put(role: Role & { workspace: string }): Promise<void> {
    return this.#writes.run(() => {
      this.#db
        .prepare(
          `INSERT INTO roles (workspace, id, name, permissions) VALUES (?, ?, ?, ?)
           ON CONFLICT (workspace, id) DO UPDATE SET name = excluded.name, permissions = excluded.permissions`,
        )
        .run(role.workspace, role.id, role.name, JSON.stringify(role.permissions));
    });
  }

  delete(workspaceId: string, roleId: string): Promise<boolean> {
    // The in-use check and the delete share one write transaction: no grant can slip in between.
    return this.#writes.run(() =>
      writeTransaction(this.#db, () => {
        const held = this.#db
          .prepare('SELECT 1 FROM role_grants WHERE workspace = ? AND role_id = ? LIMIT 1')
          .get(workspaceId, roleId);
        if (held) throw roleInUse(workspaceId, roleId);
        const result = this.#db
          .prepare('DELETE FROM roles WHERE workspace = ? AND id = ?')
          .run(workspaceId, roleId);
        return Number(result.changes) > 0;
      }),
    );
  }
}

function toRole(r: Row): Role {
  return {
    id: r.id,
    name: r.name,
    scope: 'workspace',
    permissions: JSON.parse(r.permissions) as Permission[],
    builtIn: false,
    workspace: r.workspace,
  };
}
