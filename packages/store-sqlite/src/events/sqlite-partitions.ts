import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { dayLabel, unexpectedError } from '@vigil/core';

/** One table of events: one data space, one UTC day. */
export interface Partition {
  space: number;
  day: number;
  table: string;
}

const TABLE_NAME = /^events_\d{8}_\d+$/;

/**
 * The catalogue of data spaces and their day tables. Table names are built from integers only and
 * re-checked before they are put in SQL, so no user text ever becomes an identifier.
 */
export class SqlitePartitions {
  readonly #db: DatabaseSync;
  readonly #spaces = new Map<string, number>();
  readonly #known = new Set<string>();
  readonly #inserts = new Map<string, StatementSync>();

  constructor(db: DatabaseSync) {
    this.#db = db;
  }

  /** The space number of (workspace, data space), registering it on first use. Call inside a write. */
  ensureSpace(workspace: string, dataSpace: string): number {
    const key = JSON.stringify([workspace, dataSpace]);
    const cached = this.#spaces.get(key);
    if (cached !== undefined) return cached;
    this.#db
      .prepare('INSERT OR IGNORE INTO event_spaces (workspace, data_space) VALUES (?, ?)')
      .run(workspace, dataSpace);
    const row = this.#db
      .prepare('SELECT space_id FROM event_spaces WHERE workspace = ? AND data_space = ?')
      .get(workspace, dataSpace) as { space_id: number };
    this.#spaces.set(key, row.space_id);
    return row.space_id;
  }

  /** Creates the day table if needed (idempotent) and returns its insert statement. Call inside a write. */
  insertInto(space: number, day: number): StatementSync {
    const table = tableName(space, day);
    if (!this.#known.has(table)) {
      this.#db.exec(`CREATE TABLE IF NOT EXISTS "${table}" (
        ts INTEGER NOT NULL, id TEXT NOT NULL, doc TEXT NOT NULL, UNIQUE (ts, id))`);
      this.#db
        .prepare('INSERT OR IGNORE INTO event_partitions (space_id, day, table_name) VALUES (?, ?, ?)')
        .run(space, day, table);
      this.#known.add(table);
    }
    let insert = this.#inserts.get(table);
    if (!insert) {
      // OR IGNORE: a redelivered batch (at-least-once bus) must not duplicate events.
      insert = this.#db.prepare(`INSERT OR IGNORE INTO "${table}" (ts, id, doc) VALUES (?, ?, ?)`);
      this.#inserts.set(table, insert);
    }
    return insert;
  }

  /** Space numbers of a workspace, optionally limited to some data spaces. */
  spaces(workspace: string, dataSpaces?: readonly string[]): number[] {
    const rows = dataSpaces
      ? this.#db
          .prepare(
            `SELECT space_id FROM event_spaces WHERE workspace = ?
             AND data_space IN (SELECT value FROM json_each(?)) ORDER BY space_id`,
          )
          .all(workspace, JSON.stringify(dataSpaces))
      : this.#db
          .prepare('SELECT space_id FROM event_spaces WHERE workspace = ? ORDER BY space_id')
          .all(workspace);
    return rows.map((r) => (r as { space_id: number }).space_id);
  }

  /** Day tables of these spaces with days in [fromDay, toDay], ordered by day then space. */
  list(spaces: readonly number[], fromDay: number, toDay: number): Partition[] {
    const rows = this.#db
      .prepare(
        `SELECT space_id, day, table_name FROM event_partitions
         WHERE space_id IN (SELECT value FROM json_each(?)) AND day BETWEEN ? AND ? ORDER BY day, space_id`,
      )
      .all(JSON.stringify(spaces), fromDay, toDay) as { space_id: number; day: number; table_name: string }[];
    return rows.map((r) => ({ space: r.space_id, day: r.day, table: checkedName(r.table_name) }));
  }

  /** Drops a whole day table and its catalogue entry. Call inside a write. */
  drop(partition: Partition): void {
    this.#db.exec(`DROP TABLE IF EXISTS "${checkedName(partition.table)}"`);
    this.#db.prepare('DELETE FROM event_partitions WHERE table_name = ?').run(partition.table);
    this.forget(partition.table);
  }

  /** Forgets cached knowledge of one table (after a drop), or of everything (after a failed write). */
  forget(table?: string): void {
    if (table === undefined) {
      this.#spaces.clear();
      this.#known.clear();
      this.#inserts.clear();
      return;
    }
    this.#known.delete(table);
    this.#inserts.delete(table);
  }
}

function tableName(space: number, day: number): string {
  return checkedName(`events_${dayLabel(day)}_${space}`);
}

function checkedName(table: string): string {
  if (!TABLE_NAME.test(table)) {
    throw unexpectedError('BAD_PARTITION_NAME', `refusing to use ${JSON.stringify(table)} as an event table`);
  }
  return table;
}
