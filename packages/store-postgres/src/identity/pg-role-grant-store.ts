import type { RoleGrant, RoleGrantStore } from '@vigil/identity';
import type { PgScopedDb } from './pg-scoped-db.ts';
import { scopeOf } from './pg-scoped-db.ts';

interface Row {
  principal_id: string;
  role_id: string;
  workspace: string;
  granted_by: string;
  granted_at: string;
}

const COLUMNS = 'principal_id, role_id, workspace, granted_by, granted_at';
/** Platform grants have no workspace; '' stands for it so the primary key stays NOT NULL. */
const PLATFORM = '';

/** Role assignments; a workspace grant is written and listed in that workspace's RLS scope. */
export class PgRoleGrantStore implements RoleGrantStore {
  readonly #db: PgScopedDb;

  constructor(db: PgScopedDb) {
    this.#db = db;
  }

  async grant(g: RoleGrant): Promise<void> {
    await this.#db.run(scopeOf(g.workspaceId), async (c) => {
      // Share-lock a custom role so a concurrent delete of it cannot miss this grant.
      if (g.workspaceId !== undefined) {
        await c.query('SELECT 1 FROM roles WHERE workspace = $1 AND id = $2 FOR SHARE', [
          g.workspaceId,
          g.roleId,
        ]);
      }
      await c.query(
        `INSERT INTO role_grants (${COLUMNS}) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
        [g.principalId, g.roleId, g.workspaceId ?? PLATFORM, g.grantedBy, g.grantedAt],
      );
    });
  }

  revoke(principalId: string, roleId: string, workspaceId: string | undefined): Promise<boolean> {
    return this.#db.run(scopeOf(workspaceId), async (c) => {
      const result = await c.query(
        'DELETE FROM role_grants WHERE principal_id = $1 AND role_id = $2 AND workspace = $3',
        [principalId, roleId, workspaceId ?? PLATFORM],
      );
      return (result.rowCount ?? 0) > 0;
    });
  }

  listForPrincipal(principalId: string): Promise<RoleGrant[]> {
    // Crosses workspaces by nature (resolving who someone is), so it runs at platform scope.
    return this.#db.run('platform', async (c) => {
      const result = await c.query<Row>(
        `SELECT ${COLUMNS} FROM role_grants WHERE principal_id = $1 ORDER BY workspace, role_id`,
        [principalId],
      );
      return result.rows.map(toGrant);
    });
  }

  listForWorkspace(workspaceId: string): Promise<RoleGrant[]> {
    if (workspaceId === PLATFORM) return Promise.resolve([]);
    return this.#db.run({ workspace: workspaceId }, async (c) => {
      const result = await c.query<Row>(
        `SELECT ${COLUMNS} FROM role_grants WHERE workspace = $1 ORDER BY principal_id, role_id`,
        [workspaceId],
      );
      return result.rows.map(toGrant);
    });
  }
}

function toGrant(r: Row): RoleGrant {
  return {
    principalId: r.principal_id,
    roleId: r.role_id,
    ...(r.workspace === PLATFORM ? {} : { workspaceId: r.workspace }),
    grantedBy: r.granted_by,
    grantedAt: Number(r.granted_at),
  };
}
