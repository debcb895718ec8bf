import { workspaceExists } from '@vigil/identity';
import type { Workspace, WorkspaceStatus, WorkspaceStore } from '@vigil/identity';
import { isUniqueViolation, optNumber } from './pg-identity-row.ts';
import type { PgScopedDb } from './pg-scoped-db.ts';

interface Row {
  id: string;
  name: string;
  status: WorkspaceStatus;
  delete_after: string | null;
  mfa_required: boolean;
  created_at: string;
}

const COLUMNS = 'id, name, status, delete_after, mfa_required, created_at';

/** Workspaces themselves are platform-level rows (the catalogue of tenants). */
export class PgWorkspaceStore implements WorkspaceStore {
  readonly #db: PgScopedDb;

  constructor(db: PgScopedDb) {
    this.#db = db;
  }

  async create(w: Workspace): Promise<void> {
    try {
      await this.#db.run('platform', (c) =>
        c.query(`INSERT INTO workspaces (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6)`, [
          w.id,
          w.name,
          w.status,
          w.deleteAfter ?? null,
          w.mfaRequired,
          w.createdAt,
        ]),
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw workspaceExists(w.id);
      throw error;
    }
  }

  async get(id: string): Promise<Workspace | undefined> {
    return (await this.#select(`SELECT ${COLUMNS} FROM workspaces WHERE id = $1`, [id]))[0];
  }

  list(): Promise<Workspace[]> {
    return this.#select(`SELECT ${COLUMNS} FROM workspaces ORDER BY id`, []);
  }

  update(w: Workspace): Promise<boolean> {
    return this.#db.run('platform', async (c) => {
      const result = await c.query(
        'UPDATE workspaces SET name = $2, status = $3, delete_after = $4, mfa_required = $5 WHERE id = $1',
        [w.id, w.name, w.status, w.deleteAfter ?? null, w.mfaRequired],
      );
      return (result.rowCount ?? 0) > 0;
    });
  }

  listDueForDeletion(now: number): Promise<Workspace[]> {
    return this.#select(
      `SELECT ${COLUMNS} FROM workspaces WHERE status = 'deleting' AND delete_after <= $1 ORDER BY id`,
      [now],
    );
  }

  delete(id: string): Promise<boolean> {
    return this.#db.run(
      'platform',
      async (c) => ((await c.query('DELETE FROM workspaces WHERE id = $1', [id])).rowCount ?? 0) > 0,
    );
  }

  #select(sql: string, values: unknown[]): Promise<Workspace[]> {
    return this.#db.run('platform', async (c) => (await c.query<Row>(sql, values)).rows.map(toWorkspace));
  }
}

function toWorkspace(r: Row): Workspace {
  return {
    id: r.id,
    name: r.name,
    status: r.status,
    ...optNumber('deleteAfter', r.delete_after),
    mfaRequired: r.mfa_required,
    createdAt: Number(r.created_at),
  };
}
