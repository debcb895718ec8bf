import type { DatabaseSync } from 'node:sqlite';
import { dayOf, eventJson, operationalError, placeEvents, userError } from '@vigil/core';
import type {
  AppendResult,
  EventPage,
  EventQuery,
  EventRange,
  EventStore,
  PlacedEvent,
  RetentionScope,
  VigilEvent,
} from '@vigil/core';
import { writeTransaction } from '../connection/sqlite-transaction.ts';
import type { WriteQueue } from '../connection/write-queue.ts';
import { extractedValues } from './extracted-columns.ts';
import { GroupCommit } from './group-commit.ts';
import { countEvents, queryEvents } from './sqlite-event-query.ts';
import { SqlitePartitions } from './sqlite-partitions.ts';

/**
 * The embedded event store: one table per (data space, UTC day), written by one writer at a time.
 * Concurrent appends share one transaction (group commit): each still resolves only after that
 * commit, but N waiting batches cost one WAL sync instead of N.
 */
export class SqliteEventStore implements EventStore {
  readonly #db: DatabaseSync;
  readonly #writes: WriteQueue;
  readonly #partitions: SqlitePartitions;
  readonly #commits: GroupCommit<PlacedEvent>;

  constructor(db: DatabaseSync, writes: WriteQueue) {
    this.#db = db;
    this.#writes = writes;
    this.#partitions = new SqlitePartitions(db);
    this.#commits = new GroupCommit(writes, (batches) => this.#appendGroup(batches));
  }

  async append(events: readonly VigilEvent[]): Promise<AppendResult> {
    const placed = placeEvents(events);
    if (placed.length === 0) return { appended: 0 };
    return await this.#commits.add(placed);
  }

  /** Appends several batches in one transaction; throws if any row fails (nothing is written then). */
  #appendGroup(batches: readonly (readonly PlacedEvent[])[]): number[] {
    try {
      return this.#appendOnce(batches);
    } catch (error) {
      // Our caches may name tables that the rolled-back transaction created, or that another
      // process's retention dropped: forget them and try once more from the catalogue.
      this.#partitions.forget();
      if (!/no such table/i.test(String(error))) throw error;
      return this.#appendOnce(batches);
    }
  }

  #appendOnce(batches: readonly (readonly PlacedEvent[])[]): number[] {
    return writeTransaction(this.#db, () =>
      batches.map((placed) => {
        let appended = 0;
        for (const p of placed) {
          const space = this.#partitions.ensureSpace(p.workspace, p.dataSpace);
          const insert = this.#partitions.insertInto(space, p.day);
          appended += Number(insert.run(p.ts, p.id, ...extractedValues(p.event), eventJson(p.event)).changes);
        }
        return appended;
      }),
    );
  }

  query(query: EventQuery): Promise<EventPage> {
    return Promise.resolve().then(() => queryEvents(this.#db, this.#partitions, query));
  }

  count(query: EventRange): Promise<number> {
    return Promise.resolve().then(() => countEvents(this.#db, this.#partitions, query));
  }

  async dropBefore(scope: RetentionScope, before: number): Promise<number> {
    checkRetention(scope, before);
    return this.#writes.run(() =>
      writeTransaction(this.#db, () => {
        const spaces = this.#partitions.spaces(
          scope.workspace,
          scope.dataSpace ? [scope.dataSpace] : undefined,
        );
        const boundary = dayOf(before);
        let removed = 0;
        for (const p of this.#partitions.list(spaces, Number.MIN_SAFE_INTEGER, boundary)) {
          if (p.day < boundary) {
            // Whole day before the boundary: count (for the report) and drop the table.
            removed += (this.#db.prepare(`SELECT count(*) AS n FROM "${p.table}"`).get() as { n: number }).n;
            this.#partitions.drop(p);
          } else {
            removed += Number(this.#db.prepare(`DELETE FROM "${p.table}" WHERE ts < ?`).run(before).changes);
          }
        }
        return removed;
      }),
    );
  }

  ping(): Promise<void> {
    return Promise.resolve().then(() => {
      try {
        this.#db.prepare('SELECT 1').get();
      } catch (error) {
        throw operationalError('STORE_UNAVAILABLE', 'the SQLite database is not usable', { cause: error });
      }
    });
  }

  async close(): Promise<void> {
    // The connection belongs to the Storage; it closes it.
  }
}

function checkRetention(scope: RetentionScope, before: number): void {
  if (typeof scope.workspace !== 'string' || scope.workspace.length === 0) {
    throw userError('INVALID_WORKSPACE', 'retention needs a workspace', { details: { field: 'workspace' } });
  }
  if (!Number.isFinite(before)) {
    throw userError('INVALID_TIME', 'retention needs a finite epoch-ms boundary', {
      details: { field: 'before' },
    });
  }
}
