import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { dayLabel, unexpectedError } from '@vigil/core';
import { EXTRACTED_COLUMN_LIST, EXTRACTED_COLUMNS_DDL, EXTRACTED_NONE } from './extracted-columns.ts';

/** One table of events: one data space, one UTC day. */
export interface Partition {
  space: number;
  day: number;
  table: string;
  /** Layout 2: has the extracted columns (extracted-columns.ts). */
  extracted: boolean;
}

const TABLE_NAME = /^events_\d{8}_\d+$/;

/**
 * The catalogue of data spaces and their day tables. Table names are built from integers only and
 * re-checked before they are put in SQL, so no user text ever becomes an identifier.
 */
export class SqlitePartitions {
  readonly #db: DatabaseSync;
  /** workspace → data space → space number; nested maps avoid building a key string per event. */
  readonly #spaces = new Map<string, Map<string, number>>();
  readonly #known = new Set<string>();
  readonly #inserts = new Map<string, StatementSync>();
  /** (space, day) → insert statement, keyed by number: the per-event lookup of the append path. */
  readonly #insertsByDay = new Map<number, StatementSync>();

  constructor(db: DatabaseSync) {
    this.#db = db;
  }

  /** The space number of (workspace, data space), registering it on first use. Call inside a write. */
  ensureSpace(workspace: string, dataSpace: string): number {
    const cached = this.#spaces.get(workspace)?.get(dataSpace);
    if (cached !== undefined) return cached;
    this.#db
      .prepare('INSERT OR IGNORE INTO event_spaces (workspace, data_space) VALUES (?, ?)')
      .run(workspace, dataSpace);
    const row = this.#db
      .prepare('SELECT space_id FROM event_spaces WHERE workspace = ? AND data_space = ?')
      .get(workspace, dataSpace) as { space_id: number };
    let byName = this.#spaces.get(workspace);
    if (!byName) {
      byName = new Map<string, number>();
      this.#spaces.set(workspace, byName);
    }
    byName.set(dataSpace, row.space_id);
    return row.space_id;
  }

  /** Creates the day table if needed (idempotent) and returns its insert statement. Call inside a write. */
  insertInto(space: number, day: number): StatementSync {
    // Days are < 2^22 (year 13,000) and spaces < 2^31, so the key is exact in a double.
    const key = space * 4_194_304 + day;
    const cached = this.#insertsByDay.get(key);
    if (cached) return cached;
    const table = tableName(space, day);
    if (!this.#known.has(table)) {
      // Layout 2: common ECS fields in their own columns (extracted-columns.ts), and `doc` as SQLite's
      // binary JSONB, which json_each/json_extract walk without re-parsing text. Readers take
      // `json(doc)`, which also accepts the JSON text of layout-1 tables, and read layout-1 tables
      // through `partitionRowsSql`, so existing partitions keep working unchanged.
      this.#db.exec(`CREATE TABLE IF NOT EXISTS "${table}" (
        ts INTEGER NOT NULL, id TEXT NOT NULL, ${EXTRACTED_COLUMNS_DDL}, doc BLOB NOT NULL, UNIQUE (ts, id))`);
      this.#db
        .prepare('INSERT OR IGNORE INTO event_partitions (space_id, day, table_name) VALUES (?, ?, ?)')
        .run(space, day, table);
      this.#known.add(table);
    }
    let insert = this.#inserts.get(table);
    if (!insert) {
      // OR IGNORE: a redelivered batch (at-least-once bus) must not duplicate events.
      const marks = EXTRACTED_COLUMN_LIST.split(', ')
        .map(() => '?')
        .join(', ');
      insert = this.#db.prepare(
        `INSERT OR IGNORE INTO "${table}" (ts, id, ${EXTRACTED_COLUMN_LIST}, doc) VALUES (?, ?, ${marks}, jsonb(?))`,
      );
      this.#inserts.set(table, insert);
    }
    this.#insertsByDay.set(key, insert);
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
    // The layout is read from each table's own definition, so no migration has to rewrite old tables.
    const rows = this.#db
      .prepare(
        `SELECT p.space_id, p.day, p.table_name, instr(s.sql, ' xm INTEGER') > 0 AS extracted
         FROM event_partitions p JOIN sqlite_schema s ON s.type = 'table' AND s.name = p.table_name
         WHERE p.space_id IN (SELECT value FROM json_each(?)) AND p.day BETWEEN ? AND ?
         ORDER BY p.day, p.space_id`,
      )
      .all(JSON.stringify(spaces), fromDay, toDay) as {
      space_id: number;
      day: number;
      table_name: string;
      extracted: number;
    }[];
    return rows.map((r) => ({
      space: r.space_id,
      day: r.day,
      table: checkedName(r.table_name),
      extracted: r.extracted === 1,
    }));
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
      this.#insertsByDay.clear();
      return;
    }
    this.#known.delete(table);
    this.#inserts.delete(table);
    this.#insertsByDay.clear();
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

/**
 * The rows of a day table with the same columns whatever its layout: `(SELECT space, ts, id, xm,
 * x_…, doc FROM table)`. Layout-1 tables get constant columns with mask 0 (every field from `doc`).
 * SQLite flattens the subquery, so filters outside it still use the table's (ts, id) index.
 */
export function partitionRowsSql(p: Partition): string {
  const table = checkedName(p.table);
  return `(SELECT ${p.space} AS space, ts, id, ${p.extracted ? EXTRACTED_COLUMN_LIST : EXTRACTED_NONE}, doc FROM "${table}")`;
}
