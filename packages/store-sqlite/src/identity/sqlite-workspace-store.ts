import type { DatabaseSync } from 'node:sqlite';
import { workspaceExists } from '@vigil/identity';
import type { Workspace, WorkspaceStatus, WorkspaceStore } from '@vigil/identity';
import type { WriteQueue } from '../connection/write-queue.ts';
import { bind, isUniqueViolation, opt } from './sqlite-identity-row.ts';

interface Row {
  id: string;
  name: string;
  status: WorkspaceStatus;
  delete_after: number | null;
  mfa_required: number;
  created_at: number;
}

const COLUMNS = 'id, name, status, delete_after, mfa_required, created_at';

export class SqliteWorkspaceStore implements WorkspaceStore {
  readonly #db: DatabaseSync;
  readonly #writes: WriteQueue;

  constructor(db: DatabaseSync, writes: WriteQueue) {
    this.#db = db;
    this.#writes = writes;
  }

  create(w: Workspace): Promise<void> {
    return this.#writes.run(() => {
      try {
        this.#db
          .prepare(`INSERT INTO workspaces (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)`)
          .run(w.id, w.name, w.status, bind(w.deleteAfter), bind(w.mfaRequired), w.createdAt);
      } catch (error) {
        if (isUniqueViolation(error)) throw workspaceExists(w.id);
        throw error;
      }
    });
  }

  get(id: string): Promise<Workspace | undefined> {
    return Promise.resolve().then(() => {
      const row = this.#db.prepare(`SELECT ${COLUMNS} FROM workspaces WHERE id = ?`).get(id) as
        Row | undefined;
      return row && toWorkspace(row);
    });
  }

  list(): Promise<Workspace[]> {
    return Promise.resolve().then(() =>
      (this.#db.prepare(`SELECT ${COLUMNS} FROM workspaces ORDER BY id`).all() as unknown as Row[]).map(
        toWorkspace,
      ),
    );
  }

  update(w: Workspace): Promise<boolean> {
    return this.#writes.run(() => {
      const result = this.#db
        .prepare(
          'UPDATE workspaces SET name = ?, status = ?, delete_after = ?, mfa_required = ? WHERE id = ?',
        )
        .run(w.name, w.status, bind(w.deleteAfter), bind(w.mfaRequired), w.id);
      return Number(result.changes) > 0;
    });
  }

  listDueForDeletion(now: number): Promise<Workspace[]> {
    return Promise.resolve().then(() =>
      (
        this.#db
          .prepare(
            `SELECT ${COLUMNS} FROM workspaces WHERE status = 'deleting' AND delete_after <= ? ORDER BY id`,
          )
          .all(now) as unknown as Row[]
      ).map(toWorkspace),
    );
  }

  delete(id: string): Promise<boolean> {
    return this.#writes.run(
      () => Number(this.#db.prepare('DELETE FROM workspaces WHERE id = ?').run(id).changes) > 0,
    );
  }
}

function toWorkspace(r: Row): Workspace {
  return {
    id: r.id,
    name: r.name,
    status: r.status,
    ...opt('deleteAfter', r.delete_after),
    mfaRequired: r.mfa_required === 1,
    createdAt: r.created_at,
  };
}
