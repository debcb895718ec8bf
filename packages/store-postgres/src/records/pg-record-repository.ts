import type { Pool, PoolClient } from 'pg';
import type { Clock, ListOptions, MetadataStore, RecordRepository, StoredRecord } from '@vigil/core';
import { checkKey, checkKind, listLimit, recordExists, recordNotFound, versionConflict } from '@vigil/core';
import { withScope } from '../rls/pg-scope.ts';

interface Row {
  workspace: string;
  id: string;
  version: number;
  created_at: string;
  updated_at: string;
  data: unknown;
}

type Guard = <T>(work: () => Promise<T>) => Promise<T>;

const COLUMNS = 'workspace, id, version, created_at, updated_at, data';

/**
 * Metadata records as jsonb in one `records` table keyed by (kind, workspace, id). Every method runs in
 * a transaction scoped to its workspace, so row-level security agrees with each WHERE clause.
 */
export class PgMetadataStore implements MetadataStore {
  readonly #pool: Pool;
  readonly #clock: Clock;
  readonly #guard: Guard;

  constructor(pool: Pool, clock: Clock, guard: Guard) {
    this.#pool = pool;
    this.#clock = clock;
    this.#guard = guard;
  }

  repository<T>(kind: string): RecordRepository<T> {
    return new PgRecordRepository<T>(this.#pool, this.#clock, this.#guard, checkKind(kind));
  }
}

export class PgRecordRepository<T> implements RecordRepository<T> {
  readonly #pool: Pool;
  readonly #clock: Clock;
  readonly #guard: Guard;
  readonly #kind: string;

  constructor(pool: Pool, clock: Clock, guard: Guard, kind: string) {
    this.#pool = pool;
    this.#clock = clock;
    this.#guard = guard;
    this.#kind = kind;
  }

  get(workspace: string, id: string): Promise<StoredRecord<T> | undefined> {
    return this.#guard(async () => {
      checkKey(workspace, id);
      const result = await this.#scoped(workspace, (client) =>
        client.query<Row>(`SELECT ${COLUMNS} FROM records WHERE kind = $1 AND workspace = $2 AND id = $3`, [
          this.#kind,
          workspace,
          id,
        ]),
      );
      const row = result.rows[0];
      return row && toRecord<T>(row);
    });
  }

  list(workspace: string, options?: ListOptions): Promise<StoredRecord<T>[]> {
    return this.#guard(async () => {
      checkKey(workspace);
      const limit = listLimit(options);
      const result = await this.#scoped(workspace, (client) =>
        client.query<Row>(
          `SELECT ${COLUMNS} FROM records WHERE kind = $1 AND workspace = $2 AND id > $3 ORDER BY id LIMIT $4`,
          [this.#kind, workspace, options?.after ?? '', limit],
        ),
      );
      return result.rows.map((r) => toRecord<T>(r));
    });
  }

  create(workspace: string, id: string, data: T): Promise<StoredRecord<T>> {
    return this.#guard(async () => {
      checkKey(workspace, id);
      const now = this.#clock.now();
      const result = await this.#scoped(workspace, (client) =>
        client.query<Row>(
          `INSERT INTO records (kind, workspace, id, version, created_at, updated_at, data)
           VALUES ($1, $2, $3, 1, $4, $4, $5::jsonb) ON CONFLICT DO NOTHING RETURNING ${COLUMNS}`,
          [this.#kind, workspace, id, now, JSON.stringify(data)],
        ),
      );
      const row = result.rows[0];
      if (!row) throw recordExists(this.#kind, id);
      return toRecord<T>(row);
    });
  }

  update(workspace: string, id: string, expectedVersion: number, data: T): Promise<StoredRecord<T>> {
    return this.#guard(async () => {
      checkKey(workspace, id);
      return this.#scoped(workspace, async (client) => {
        // Compare-and-set in one statement: concurrent updaters cannot both win.
        const result = await client.query<Row>(
          `UPDATE records SET version = version + 1, updated_at = $1, data = $2::jsonb
           WHERE kind = $3 AND workspace = $4 AND id = $5 AND version = $6 RETURNING ${COLUMNS}`,
          [this.#clock.now(), JSON.stringify(data), this.#kind, workspace, id, expectedVersion],
        );
        const row = result.rows[0];
        if (row) return toRecord<T>(row);
        const current = await client.query<{ version: number }>(
          'SELECT version FROM records WHERE kind = $1 AND workspace = $2 AND id = $3',
          [this.#kind, workspace, id],
        );
        const found = current.rows[0];
        if (!found) throw recordNotFound(this.#kind, id);
        throw versionConflict(this.#kind, id, expectedVersion, found.version);
      });
    });
  }

  /** One transaction scoped to `workspace`: row-level security (FORCEd on `records`) backs the WHERE. */
  #scoped<R>(workspace: string, work: (client: PoolClient) => Promise<R>): Promise<R> {
    return withScope(this.#pool, { workspace }, work);
  }

  delete(workspace: string, id: string): Promise<boolean> {
    return this.#guard(async () => {
      checkKey(workspace, id);
      const result = await this.#scoped(workspace, (client) =>
        client.query('DELETE FROM records WHERE kind = $1 AND workspace = $2 AND id = $3', [
          this.#kind,
          workspace,
          id,
        ]),
      );
      return (result.rowCount ?? 0) > 0;
    });
  }
}

function toRecord<T>(row: Row): StoredRecord<T> {
  return {
    workspace: row.workspace,
    id: row.id,
    version: row.version,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    data: row.data as T,
  };
}
