import type { Pool } from 'pg';
import { checkQuery, checkRange, dayOf, placeEvents, userError } from '@vigil/core';
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
import { setScope, withScope } from '../rls/pg-scope.ts';
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
    const byWorkspace = new Map<string, PlacedEvent[]>();
    for (const p of placed) {
      const group = byWorkspace.get(p.workspace);
      if (group) group.push(p);
      else byWorkspace.set(p.workspace, [p]);
    }
    // Spaces and partitions first, each committed on its own: event_partitions references event_spaces,
    // so registering a space inside the insert transaction would make the partition DDL wait on it.
    const spaceOf = await this.#resolveSpaces(byWorkspace);
    const spaceIds = placed.map((p) => spaceOf.get(spaceKey(p)) ?? 0);
    const wanted = new Map<string, { space: number; day: number }>();
    placed.forEach((p, i) => wanted.set(`${spaceIds[i]}:${p.day}`, { space: spaceIds[i] ?? 0, day: p.day }));
    await this.#partitions.ensure([...wanted.values()]);
    // One transaction for the whole batch; each workspace's rows are inserted under that workspace's
    // scope (usually one set_config per batch), so RLS's WITH CHECK vouches for every row. unnest keeps
    // it one statement per workspace. ON CONFLICT: a redelivered batch must not duplicate events.
    return withTransaction(this.#pool, async (client) => {
      let appended = 0;
      for (const [workspace, group] of byWorkspace) {
        await setScope(client, { workspace });
        const result = await client.query(
          `INSERT INTO events (space_id, ts, id, doc)
           SELECT * FROM unnest($1::int[], $2::bigint[], $3::text[], $4::jsonb[]) ON CONFLICT DO NOTHING`,
          [
            group.map((p) => spaceOf.get(spaceKey(p)) ?? 0),
            group.map((p) => p.ts),
            group.map((p) => p.id),
            group.map((p) => JSON.stringify(p.event)),
          ],
        );
        appended += result.rowCount ?? 0;
      }
      return { appended };
    });
  }

  /** Space numbers of the batch's (workspace, data space) pairs; unknown ones are registered per workspace. */
  async #resolveSpaces(
    byWorkspace: ReadonlyMap<string, readonly PlacedEvent[]>,
  ): Promise<Map<string, number>> {
    const spaceOf = new Map<string, number>();
    for (const [workspace, group] of byWorkspace) {
      const missing = new Set<string>();
      for (const p of group) {
        const cached = this.#partitions.cachedSpace(workspace, p.dataSpace);
        if (cached === undefined) missing.add(p.dataSpace);
        else spaceOf.set(spaceKey(p), cached);
      }
      if (missing.size === 0) continue;
      const registered = await withScope(this.#pool, { workspace }, async (client) => {
        const found = new Map<string, number>();
        for (const dataSpace of missing) {
          found.set(dataSpace, await this.#partitions.ensureSpace(client, workspace, dataSpace));
        }
        return found;
      });
      for (const [dataSpace, space] of registered) {
        this.#partitions.remember(workspace, dataSpace, space);
        spaceOf.set(JSON.stringify([workspace, dataSpace]), space);
      }
    }
    return spaceOf;
  }

  query(query: EventQuery): Promise<EventPage> {
    return this.#guard(async () => {
      checkQuery(query); // before set_config, so a bad range is reported as such, not as a driver error
      return withScope(this.#pool, { workspace: query.workspace }, (client) =>
        queryEvents(client, this.#partitions, query),
      );
    });
  }

  count(query: EventRange): Promise<number> {
    return this.#guard(async () => {
      checkRange(query);
      return withScope(this.#pool, { workspace: query.workspace }, (client) =>
        countEvents(client, this.#partitions, query),
      );
    });
  }

  /**
   * Retention for one workspace, in one transaction scoped to it: the spaces, counts and deletes see
   * only its rows (partitions FORCE RLS too); detaching and dropping whole days is DDL on its own
   * partitions, serialised with partition creation by the advisory lock.
   */
  dropBefore(scope: RetentionScope, before: number): Promise<number> {
    return this.#guard(async () => {
      checkRetention(scope, before);
      const boundary = dayOf(before);
      return withScope(this.#pool, { workspace: scope.workspace }, async (client) => {
        const spaces = await this.#partitions.spacesOn(
          client,
          scope.workspace,
          scope.dataSpace ? [scope.dataSpace] : undefined,
        );
        if (spaces.length === 0) return 0;
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

function spaceKey(p: PlacedEvent): string {
  return JSON.stringify([p.workspace, p.dataSpace]);
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
