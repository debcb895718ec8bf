import type { OperatorAccessGrant, OperatorAccessStatus, OperatorAccessStore } from '@vigil/identity';
import type { PgScope, PgScopedDb } from './pg-scoped-db.ts';

const SELECT = 'SELECT data FROM operator_access';

/** Operator-access grants: indexed columns for the lookups, the whole grant as jsonb. Never deleted. */
export class PgOperatorAccessStore implements OperatorAccessStore {
  readonly #db: PgScopedDb;

  constructor(db: PgScopedDb) {
    this.#db = db;
  }

  async create(g: OperatorAccessGrant): Promise<void> {
    await this.#db.run({ workspace: g.workspaceId }, (c) =>
      c.query(
        `INSERT INTO operator_access (id, workspace, operator_id, status, requested_at, data)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb)`,
        [g.id, g.workspaceId, g.operatorId, g.status, g.requestedAt, JSON.stringify(g)],
      ),
    );
  }

  async get(id: string): Promise<OperatorAccessGrant | undefined> {
    return (await this.#select('platform', `${SELECT} WHERE id = $1`, [id]))[0];
  }

  update(g: OperatorAccessGrant, expectedStatus: OperatorAccessStatus): Promise<boolean> {
    // Compare-and-set on the stored status: of two concurrent decisions only one lands.
    return this.#db.run({ workspace: g.workspaceId }, async (c) => {
      const result = await c.query(
        `UPDATE operator_access SET operator_id = $2, status = $3, requested_at = $4, data = $5::jsonb
         WHERE id = $1 AND status = $6 AND workspace = $7`,
        [g.id, g.operatorId, g.status, g.requestedAt, JSON.stringify(g), expectedStatus, g.workspaceId],
      );
      return (result.rowCount ?? 0) > 0;
    });
  }

  listByWorkspace(workspaceId: string): Promise<OperatorAccessGrant[]> {
    return this.#select(
      { workspace: workspaceId },
      `${SELECT} WHERE workspace = $1 ORDER BY requested_at DESC, id DESC`,
      [workspaceId],
    );
  }

  listByOperator(operatorId: string): Promise<OperatorAccessGrant[]> {
    return this.#select('platform', `${SELECT} WHERE operator_id = $1 ORDER BY requested_at DESC, id DESC`, [
      operatorId,
    ]);
  }

  listApprovedForOperator(operatorId: string): Promise<OperatorAccessGrant[]> {
    return this.#select(
      'platform',
      `${SELECT} WHERE operator_id = $1 AND status = 'approved' ORDER BY requested_at, id`,
      [operatorId],
    );
  }

  listPending(): Promise<OperatorAccessGrant[]> {
    return this.#select('platform', `${SELECT} WHERE status = 'requested' ORDER BY requested_at, id`, []);
  }

  #select(scope: PgScope, sql: string, values: unknown[]): Promise<OperatorAccessGrant[]> {
    return this.#db.run(scope, async (c) =>
      (await c.query<{ data: OperatorAccessGrant }>(sql, values)).rows.map((r) => r.data),
    );
  }
}
