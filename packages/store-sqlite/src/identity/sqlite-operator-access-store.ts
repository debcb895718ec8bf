import type { DatabaseSync } from 'node:sqlite';
import type { OperatorAccessGrant, OperatorAccessStatus, OperatorAccessStore } from '@vigil/identity';
import type { WriteQueue } from '../connection/write-queue.ts';

const SELECT = 'SELECT data FROM operator_access';

/** Operator-access grants: indexed columns for the lookups, the whole grant as JSON. Never deleted. */
export class SqliteOperatorAccessStore implements OperatorAccessStore {
  readonly #db: DatabaseSync;
  readonly #writes: WriteQueue;

  constructor(db: DatabaseSync, writes: WriteQueue) {
    this.#db = db;
    this.#writes = writes;
  }

  create(g: OperatorAccessGrant): Promise<void> {
    return this.#writes.run(() => {
      this.#db
        .prepare(
          `INSERT INTO operator_access (id, workspace, operator_id, status, requested_at, data)
           VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(g.id, g.workspaceId, g.operatorId, g.status, g.requestedAt, JSON.stringify(g));
    });
  }

  get(id: string): Promise<OperatorAccessGrant | undefined> {
    return this.#select(`${SELECT} WHERE id = ?`, id).then((rows) => rows[0]);
  }

  update(g: OperatorAccessGrant, expectedStatus: OperatorAccessStatus): Promise<boolean> {
    // Compare-and-set on the stored status: of two concurrent decisions only one lands.
    return this.#writes.run(() => {
      const result = this.#db
        .prepare(
          `UPDATE operator_access SET operator_id = ?, status = ?, requested_at = ?, data = ?
           WHERE id = ? AND status = ? AND workspace = ?`,
        )
        .run(g.operatorId, g.status, g.requestedAt, JSON.stringify(g), g.id, expectedStatus, g.workspaceId);
      return Number(result.changes) > 0;
    });
  }

  listByWorkspace(workspaceId: string): Promise<OperatorAccessGrant[]> {
    return this.#select(`${SELECT} WHERE workspace = ? ORDER BY requested_at DESC, id DESC`, workspaceId);
  }

  listApprovedForOperator(operatorId: string): Promise<OperatorAccessGrant[]> {
    return this.#select(
      `${SELECT} WHERE operator_id = ? AND status = 'approved' ORDER BY requested_at, id`,
      operatorId,
    );
  }

  listByOperator(operatorId: string): Promise<OperatorAccessGrant[]> {
    return this.#select(`${SELECT} WHERE operator_id = ? ORDER BY requested_at DESC, id DESC`, operatorId);
  }

  listPending(): Promise<OperatorAccessGrant[]> {
    return this.#select(`${SELECT} WHERE status = 'requested' ORDER BY requested_at, id`);
  }

  #select(sql: string, ...params: string[]): Promise<OperatorAccessGrant[]> {
    return Promise.resolve().then(() =>
      (this.#db.prepare(sql).all(...params) as unknown as { data: string }[]).map(
        (r) => JSON.parse(r.data) as OperatorAccessGrant,
      ),
    );
  }
}
