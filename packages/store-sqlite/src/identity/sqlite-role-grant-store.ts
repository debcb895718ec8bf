import type { DatabaseSync } from 'node:sqlite';
import type { RoleGrant, RoleGrantStore } from '@vigil/identity';
import type { WriteQueue } from '../connection/write-queue.ts';

interface Row {
  principal_id: string;
  role_id: string;
  workspace: string;
  granted_by: string;
  granted_at: number;
}

const COLUMNS = 'principal_id, role_id, workspace, granted_by, granted_at';
/** Platform grants have no workspace; '' stands for it so the primary key stays NOT NULL. */
const PLATFORM = '';

export class SqliteRoleGrantStore implements RoleGrantStore {
  readonly #db: DatabaseSync;
  readonly #writes: WriteQueue;

  constructor(db: DatabaseSync, writes: WriteQueue) {
    this.#db = db;
    this.#writes = writes;
  }

  grant(g: RoleGrant): Promise<void> {
    return this.#writes.run(() => {
      this.#db
        .prepare(`INSERT INTO role_grants (${COLUMNS}) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`)
        .run(g.principalId, g.roleId, g.workspaceId ?? PLATFORM, g.grantedBy, g.grantedAt);
    });
  }

  revoke(principalId: string, roleId: string, workspaceId: string | undefined): Promise<boolean> {
    return this.#writes.run(() => {
      const result = this.#db
        .prepare('DELETE FROM role_grants WHERE principal_id = ? AND role_id = ? AND workspace = ?')
        .run(principalId, roleId, workspaceId ?? PLATFORM);
      return Number(result.changes) > 0;
    });
  }

  listForPrincipal(principalId: string): Promise<RoleGrant[]> {
    return Promise.resolve().then(() =>
      (
        this.#db
          .prepare(`SELECT ${COLUMNS} FROM role_grants WHERE principal_id = ? ORDER BY workspace, role_id`)
          .all(principalId) as unknown as Row[]
      ).map(toGrant),
    );
  }

  listForWorkspace(workspaceId: string): Promise<RoleGrant[]> {
    if (workspaceId === PLATFORM) return Promise.resolve([]);
    return Promise.resolve().then(() =>
      (
        this.#db
          .prepare(`SELECT ${COLUMNS} FROM role_grants WHERE workspace = ? ORDER BY principal_id, role_id`)
          .all(workspaceId) as unknown as Row[]
      ).map(toGrant),
    );
  }
}

function toGrant(r: Row): RoleGrant {
  return {
    principalId: r.principal_id,
    roleId: r.role_id,
    ...(r.workspace === PLATFORM ? {} : { workspaceId: r.workspace }),
    grantedBy: r.granted_by,
    grantedAt: r.granted_at,
  };
}
