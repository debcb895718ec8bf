import type { Pool, PoolClient } from 'pg';
import { dayLabel, MS_PER_DAY, unexpectedError } from '@vigil/core';
import { advisoryLock, withTransaction } from '../connection/pg-transaction.ts';
import { withScope } from '../rls/pg-scope.ts';

/** One partition of `events`: one data space, one UTC day. */
export interface Partition {
  space: number;
  day: number;
  table: string;
}

const TABLE_NAME = /^events_\d{8}_\d+$/;

/**
 * The catalogue of data spaces and their day partitions. Partition names are built from integers only
 * and re-checked before they are put in SQL, so no user text ever becomes an identifier.
 */
export class PgPartitions {
  readonly #pool: Pool;
  readonly #lockKey: string;
  readonly #spaces = new Map<string, number>();
  readonly #known = new Set<string>();

  constructor(pool: Pool, schema: string) {
    this.#pool = pool;
    this.#lockKey = `vigil:partitions:${schema}`;
  }

  /** The cached space number of (workspace, data space), if this instance has registered it. */
  cachedSpace(workspace: string, dataSpace: string): number | undefined {
    return this.#spaces.get(JSON.stringify([workspace, dataSpace]));
  }

  /**
   * The space number of (workspace, data space), registering it on first use (race-free upsert). Runs
   * on `client`, inside a transaction scoped to `workspace` (event_spaces FORCEs row-level security);
   * the caller `remember`s it after commit, so a rolled-back registration is never cached.
   */
  async ensureSpace(client: PoolClient, workspace: string, dataSpace: string): Promise<number> {
    const key = JSON.stringify([workspace, dataSpace]);
    const cached = this.#spaces.get(key);
    if (cached !== undefined) return cached;
    await client.query(
      'INSERT INTO event_spaces (workspace, data_space) VALUES ($1, $2) ON CONFLICT DO NOTHING',
      [workspace, dataSpace],
    );
    const result = await client.query<{ space_id: number }>(
      'SELECT space_id FROM event_spaces WHERE workspace = $1 AND data_space = $2',
      [workspace, dataSpace],
    );
    const space = result.rows[0]?.space_id;
    if (space === undefined) throw unexpectedError('SPACE_MISSING', 'data space vanished after registration');
    return space;
  }

  /** Caches a space number once the transaction that registered it has committed. */
  remember(workspace: string, dataSpace: string, space: number): void {
    this.#spaces.set(JSON.stringify([workspace, dataSpace]), space);
  }

  /**
   * Creates missing day partitions before an append. Idempotent (IF NOT EXISTS, ON CONFLICT) and
   * serialised by an advisory lock, because concurrent CREATE … PARTITION OF can still collide. A
   * partition this call creates gets the parent's row-level-security policy, enabled and forced, in the
   * same transaction (a statement naming the partition directly bypasses the parent's policies). Touches
   * only the catalogue (no RLS) and DDL, so it needs no workspace scope.
   */
  async ensure(wanted: readonly { space: number; day: number }[]): Promise<void> {
    const missing = wanted.filter((w) => !this.#known.has(tableName(w.space, w.day)));
    if (missing.length === 0) return;
    await withTransaction(this.#pool, async (client) => {
      await advisoryLock(client, this.#lockKey);
      for (const { space, day } of missing) {
        const table = tableName(space, day);
        const from = day * MS_PER_DAY;
        await client.query(
          `CREATE TABLE IF NOT EXISTS "${table}" PARTITION OF events
           FOR VALUES FROM (${space}, ${from}) TO (${space}, ${from + MS_PER_DAY})`,
        );
        const listed = await client.query(
          'INSERT INTO event_partitions (space_id, day, table_name) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
          [space, day, table],
        );
        // Listed just now, under the lock: this transaction created the table, so it secures it.
        if (listed.rowCount === 1)
          await client.query('SELECT vigil_secure_event_partition($1::regclass)', [table]);
      }
    });
    for (const { space, day } of missing) this.#known.add(tableName(space, day));
  }

  /** Space numbers of a workspace, optionally limited to some data spaces, in a workspace-scoped read. */
  spaces(workspace: string, dataSpaces?: readonly string[]): Promise<number[]> {
    return withScope(this.#pool, { workspace }, (client) => this.spacesOn(client, workspace, dataSpaces));
  }

  /** `spaces` on `client`, inside the caller's transaction (scoped to `workspace`). */
  async spacesOn(client: PoolClient, workspace: string, dataSpaces?: readonly string[]): Promise<number[]> {
    const result = await client.query<{ space_id: number }>(
      `SELECT space_id FROM event_spaces
       WHERE workspace = $1 AND ($2::text[] IS NULL OR data_space = ANY ($2::text[])) ORDER BY space_id`,
      [workspace, dataSpaces ?? null],
    );
    return result.rows.map((r) => r.space_id);
  }

  /** Day partitions of these spaces with days in [fromDay, toDay]. Runs on `client` inside retention. */
  async list(
    client: PoolClient,
    spaces: readonly number[],
    fromDay: number,
    toDay: number,
  ): Promise<Partition[]> {
    const result = await client.query<{ space_id: number; day: number; table_name: string }>(
      `SELECT space_id, day, table_name FROM event_partitions
       WHERE space_id = ANY ($1::int[]) AND day BETWEEN $2 AND $3 ORDER BY day, space_id`,
      [spaces, fromDay, toDay],
    );
    return result.rows.map((r) => ({ space: r.space_id, day: r.day, table: checkedName(r.table_name) }));
  }

  /** Detaches and drops a whole day partition and its catalogue entry, inside the caller's transaction. */
  async drop(client: PoolClient, partition: Partition): Promise<void> {
    const table = checkedName(partition.table);
    await client.query(`ALTER TABLE events DETACH PARTITION "${table}"`);
    await client.query(`DROP TABLE "${table}"`);
    await client.query('DELETE FROM event_partitions WHERE table_name = $1', [table]);
    this.#known.delete(table);
  }

  /** Forgets cached partitions (after another process's retention dropped one we thought existed). */
  forget(): void {
    this.#known.clear();
  }

  get lockKey(): string {
    return this.#lockKey;
  }
}

function tableName(space: number, day: number): string {
  return checkedName(`events_${dayLabel(day)}_${space}`);
}

function checkedName(table: string): string {
  if (!TABLE_NAME.test(table)) {
    throw unexpectedError(
      'BAD_PARTITION_NAME',
      `refusing to use ${JSON.stringify(table)} as an event partition`,
    );
  }
  return table;
}
