import type { Pool } from 'pg';
import { dayOf, placeEvents, userError } from '@vigil/core';
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
import { advisoryLock, withTransaction } from '../connection/pg-transaction.ts';
import { countEvents, queryEvents } from './pg-event-query.ts';
import { PgPartitions } from './pg-partitions.ts';

const NO_PARTITION_FOR_ROW = '23514';

/** The distributed event store: `events` partitioned per (data space, UTC day), jsonb documents. */
export class PgEventStore implements EventStore {
  readonly #pool: Pool;
  readonly #partitions: PgPartitions;
  readonly #guard: <T>(work: () => Promise<T>) => Promise<T>;

  constructor(pool: Pool, schema: string, guard: <T>(work: () => Promise<T>) => Promise<T>) {
    this.#pool = pool;
    this.#partitions = new PgPartitions(pool, schema);
    this.#guard = guard;
  }

  append(events: readonly VigilEvent[]): Promise<AppendResult> {
    return this.#guard(async () => {
      const placed = placeEvents(events);
      if (placed.length === 0) return { appended: 0 };
      try {
        return await this.#appendOnce(placed);
      } catch (error) {
        // Another instance's retention may have dropped a partition we had cached: re-create, retry once.
        if ((error as { code?: string }).code !== NO_PARTITION_FOR_ROW) throw error;
        this.#partitions.forget();
        return this.#appendOnce(placed);
      }
    });
  }

  async #appendOnce(placed: readonly PlacedEvent[]): Promise<AppendResult> {
    const spaceOf = new Map<string, number>();
    for (const p of placed) {
      const key = JSON.stringify([p.workspace, p.dataSpace]);
      if (!spaceOf.has(key)) spaceOf.set(key, await this.#partitions.ensureSpace(p.workspace, p.dataSpace));
    }
    const spaces = placed.map((p) => spaceOf.get(JSON.stringify([p.workspace, p.dataSpace])) ?? 0);
    const wanted = new Map<string, { space: number; day: number }>();
    placed.forEach((p, i) => wanted.set(`${spaces[i]}:${p.day}`, { space: spaces[i] ?? 0, day: p.day }));
    await this.#partitions.ensure([...wanted.values()]);
    // One statement, so one atomic transaction; unnest keeps it a single round trip for any batch size.
    // ON CONFLICT: a redelivered batch (at-least-once bus) must not duplicate events.
    const result = await this.#pool.query(
      `INSERT INTO events (space_id, ts, id, doc)
       SELECT * FROM unnest($1::int[], $2::bigint[], $3::text[], $4::jsonb[]) ON CONFLICT DO NOTHING`,
      [spaces, placed.map((p) => p.ts), placed.map((p) => p.id), placed.map((p) => JSON.stringify(p.event))],
    );
    return { appended: result.rowCount ?? 0 };
  }

  query(query: EventQuery): Promise<EventPage> {
    return this.#guard(() => queryEvents(this.#pool, this.#partitions, query));
  }

  count(query: EventRange): Promise<number> {
    return this.#guard(() => countEvents(this.#pool, this.#partitions, query));
  }

  dropBefore(scope: RetentionScope, before: number): Promise<number> {
    return this.#guard(async () => {
      checkRetention(scope, before);
      const spaces = await this.#partitions.spaces(
        scope.workspace,
        scope.dataSpace ? [scope.dataSpace] : undefined,
      );
      if (spaces.length === 0) return 0;
      const boundary = dayOf(before);
      return withTransaction(this.#pool, async (client) => {
        await advisoryLock(client, this.#partitions.lockKey);
        let removed = 0;
        for (const p of await this.#partitions.list(client, spaces, -2_147_483_648, boundary)) {
          if (p.day < boundary) {
            const counted = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${p.table}"`);
            removed += Number(counted.rows[0]?.n ?? 0);
            await this.#partitions.drop(client, p);
          } else {
            const deleted = await client.query(`DELETE FROM "${p.table}" WHERE ts < $1`, [Math.ceil(before)]);
            removed += deleted.rowCount ?? 0;
          }
        }
        return removed;
      });
    });
  }

  ping(): Promise<void> {
    return this.#guard(async () => {
      await this.#pool.query('SELECT 1');
    });
  }

  async close(): Promise<void> {
    // The pool belongs to the Storage; it closes it.
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
