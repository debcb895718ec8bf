import type { DatabaseSync } from 'node:sqlite';
import type { Clock, ListOptions, MetadataStore, RecordRepository, StoredRecord } from '@vigil/core';
import type { WriteQueue } from '../connection/write-queue.ts';
import { checkKey, checkKind, listLimit, recordExists, recordNotFound, versionConflict } from '@vigil/core';

interface Row {
  workspace: string;
  id: string;
  version: number;
  created_at: number;
  updated_at: number;
  data: string;
}

const COLUMNS = 'workspace, id, version, created_at, updated_at, data';

/** Metadata records as JSON text in one `records` table keyed by (kind, workspace, id). */
export class SqliteMetadataStore implements MetadataStore {
  readonly #db: DatabaseSync;
  readonly #writes: WriteQueue;
  readonly #clock: Clock;

  constructor(db: DatabaseSync, writes: WriteQueue, clock: Clock) {
    this.#db = db;
    this.#writes = writes;
    this.#clock = clock;
  }

  repository<T>(kind: string): RecordRepository<T> {
    return new SqliteRecordRepository<T>(this.#db, this.#writes, this.#clock, checkKind(kind));
  }
}

export class SqliteRecordRepository<T> implements RecordRepository<T> {
  readonly #db: DatabaseSync;
  readonly #writes: WriteQueue;
  readonly #clock: Clock;
  readonly #kind: string;

  constructor(db: DatabaseSync, writes: WriteQueue, clock: Clock, kind: string) {
    this.#db = db;
    this.#writes = writes;
    this.#clock = clock;
    this.#kind = kind;
  }

  get(workspace: string, id: string): Promise<StoredRecord<T> | undefined> {
    return Promise.resolve().then(() => this.#get(workspace, id));
  }

  #get(workspace: string, id: string): StoredRecord<T> | undefined {
    checkKey(workspace, id);
    const row = this.#db
      .prepare(`SELECT ${COLUMNS} FROM records WHERE kind = ? AND workspace = ? AND id = ?`)
      .get(this.#kind, workspace, id) as Row | undefined;
    return row && toRecord<T>(row);
  }

  list(workspace: string, options?: ListOptions): Promise<StoredRecord<T>[]> {
    return Promise.resolve().then(() => this.#list(workspace, options));
  }

  #list(workspace: string, options?: ListOptions): StoredRecord<T>[] {
    checkKey(workspace);
    const limit = listLimit(options);
    const rows = this.#db
      .prepare(
        `SELECT ${COLUMNS} FROM records WHERE kind = ? AND workspace = ? AND id > ? ORDER BY id LIMIT ?`,
      )
      .all(this.#kind, workspace, options?.after ?? '', limit) as unknown as Row[];
    return rows.map((r) => toRecord<T>(r));
  }

  create(workspace: string, id: string, data: T): Promise<StoredRecord<T>> {
    return this.#writes.run(() => {
      checkKey(workspace, id);
      const json = JSON.stringify(data);
      const now = this.#clock.now();
      const row = this.#db
        .prepare(
          `INSERT INTO records (kind, workspace, id, version, created_at, updated_at, data)
           VALUES (?, ?, ?, 1, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING ${COLUMNS}`,
        )
        .get(this.#kind, workspace, id, now, now, json) as Row | undefined;
      if (!row) throw recordExists(this.#kind, id);
      return toRecord<T>(row);
    });
  }

  update(workspace: string, id: string, expectedVersion: number, data: T): Promise<StoredRecord<T>> {
    return this.#writes.run(() => {
      checkKey(workspace, id);
      const json = JSON.stringify(data);
      const row = this.#db
        .prepare(
          `UPDATE records SET version = version + 1, updated_at = ?, data = ?
           WHERE kind = ? AND workspace = ? AND id = ? AND version = ? RETURNING ${COLUMNS}`,
        )
        .get(this.#clock.now(), json, this.#kind, workspace, id, expectedVersion) as Row | undefined;
      if (row) return toRecord<T>(row);
      const current = this.#db
        .prepare('SELECT version FROM records WHERE kind = ? AND workspace = ? AND id = ?')
        .get(this.#kind, workspace, id) as { version: number } | undefined;
      if (!current) throw recordNotFound(this.#kind, id);
      throw versionConflict(this.#kind, id, expectedVersion, current.version);
    });
  }

  delete(workspace: string, id: string): Promise<boolean> {
    return this.#writes.run(() => {
      checkKey(workspace, id);
      const result = this.#db
        .prepare('DELETE FROM records WHERE kind = ? AND workspace = ? AND id = ?')
        .run(this.#kind, workspace, id);
      return Number(result.changes) > 0;
    });
  }
}

function toRecord<T>(row: Row): StoredRecord<T> {
  return {
    workspace: row.workspace,
    id: row.id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    data: JSON.parse(row.data) as T,
  };
}
