import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { dayOf, type VigilEvent } from '@vigil/core';
import type {
  EventPseudonymisationCounts,
  EventPseudonymisationOptions,
  EventPseudonymisationScope,
  EventPseudonymisationStore,
} from '@vigil/identity';
import { openSqliteConnection } from '../connection/sqlite-connection.ts';
import { SQLITE_FILE_NAME } from '../sqlite-storage.ts';
import { writeTransaction } from '../connection/sqlite-transaction.ts';
import { WriteQueue } from '../connection/write-queue.ts';
import { EXTRACTED_COLUMN_LIST, extractedValues } from './extracted-columns.ts';
import { SqlitePartitions, type Partition } from './sqlite-partitions.ts';

interface Row {
  ts: number;
  id: string;
  doc: string;
}

const isMissingTable = (error: unknown) => /no such table/i.test(String(error));

/**
 * Per-person erasure in the embedded event store: reads candidate rows of each day table in (ts, id)
 * order and rewrites each batch in its own write transaction, extracted columns included, so ingest
 * never waits behind one long transaction. `lower()` folds ASCII only: see docs/privacy.md.
 */
export class SqliteEventPseudonymiser implements EventPseudonymisationStore {
  readonly #db: DatabaseSync;
  readonly #writes: WriteQueue;
  readonly #partitions: SqlitePartitions;
  readonly #onClose: () => void;

  constructor(db: DatabaseSync, writes: WriteQueue, onClose: () => void = () => undefined) {
    this.#db = db;
    this.#writes = writes;
    this.#partitions = new SqlitePartitions(db);
    this.#onClose = onClose;
  }

  async pseudonymise(
    scope: EventPseudonymisationScope,
    rewrite: (event: Record<string, unknown>) => Record<string, unknown> | undefined,
    options: EventPseudonymisationOptions,
  ): Promise<EventPseudonymisationCounts> {
    const counts: EventPseudonymisationCounts = { scanned: 0, matched: 0, rewritten: 0 };
    if (scope.needles.length === 0 || scope.to <= scope.from) return counts;
    const spaces = this.#partitions.spaces(scope.workspace);
    const partitions = this.#partitions.list(spaces, dayOf(scope.from), dayOf(scope.to - 1));
    for (const p of partitions) await this.#partition(p, scope, rewrite, options, counts);
    return counts;
  }

  async #partition(
    p: Partition,
    scope: EventPseudonymisationScope,
    rewrite: (event: Record<string, unknown>) => Record<string, unknown> | undefined,
    options: EventPseudonymisationOptions,
    counts: EventPseudonymisationCounts,
  ): Promise<void> {
    const contains = scope.needles.map(() => 'instr(lower(json(doc)), ?) > 0').join(' OR ');
    let select;
    try {
      select = this.#db.prepare(
        `SELECT ts, id, json(doc) AS doc FROM "${p.table}"
         WHERE ts >= ? AND ts < ? AND (ts > ? OR (ts = ? AND id > ?)) AND (${contains})
         ORDER BY ts, id LIMIT ?`,
      );
    } catch (error) {
      if (isMissingTable(error)) return; // dropped by retention meanwhile
      throw error;
    }
    const update = p.extracted
      ? `UPDATE "${p.table}" SET (${EXTRACTED_COLUMN_LIST}, doc) = (${EXTRACTED_COLUMN_LIST.split(', ')
          .map(() => '?')
          .join(', ')}, jsonb(?)) WHERE ts = ? AND id = ?`
      : `UPDATE "${p.table}" SET doc = ? WHERE ts = ? AND id = ?`;
    let lastTs = scope.from - 1;
    let lastId = '';
    for (;;) {
      const rows = select.all(
        scope.from,
        scope.to,
        lastTs,
        lastTs,
        lastId,
        ...scope.needles,
        options.batchSize,
      ) as unknown as Row[];
      const changed: { row: Row; doc: Record<string, unknown> }[] = [];
      for (const row of rows) {
        counts.scanned++;
        const next = rewrite(JSON.parse(row.doc) as Record<string, unknown>);
        if (next === undefined) continue;
        counts.matched++;
        changed.push({ row, doc: next });
      }
      if (!options.dryRun && changed.length > 0) {
        counts.rewritten += await this.#writes.run(() =>
          writeTransaction(this.#db, () => {
            const statement = this.#db.prepare(update);
            let n = 0;
            for (const { row, doc } of changed) {
              const json = JSON.stringify(doc);
              const args = p.extracted
                ? [...extractedValues(doc as unknown as VigilEvent), json, row.ts, row.id]
                : [json, row.ts, row.id];
              n += Number(statement.run(...args).changes);
            }
            return n;
          }),
        );
      }
      const last = rows.at(-1);
      if (last === undefined || rows.length < options.batchSize) return;
      lastTs = last.ts;
      lastId = last.id;
    }
  }

  close(): Promise<void> {
    return this.#writes.run(() => this.#onClose());
  }
}

/** The pseudonymiser on `<dataDir>/vigil.db` through its own connection (WAL; writers queue on busy_timeout). */
export function openSqliteEventPseudonymiser(options: { dataDir: string }): SqliteEventPseudonymiser {
  const db = openSqliteConnection(join(options.dataDir, SQLITE_FILE_NAME));
  let closed = false;
  return new SqliteEventPseudonymiser(db, new WriteQueue(), () => {
    if (closed) return;
    closed = true;
    db.close();
  });
}
