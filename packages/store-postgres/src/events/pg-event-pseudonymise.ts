import type { Pool } from 'pg';
import { silentLogger, type Logger } from '@vigil/core';
import type {
  EventPseudonymisationCounts,
  EventPseudonymisationOptions,
  EventPseudonymisationScope,
  EventPseudonymisationStore,
} from '@vigil/identity';
import { describeTarget, toStoreError } from '../connection/pg-errors.ts';
import { checkSchemaName, createPool } from '../connection/pg-pool.ts';
import { withScope } from '../rls/pg-scope.ts';

interface Row {
  space_id: number;
  /** bigint arrives as a string; it goes back as one. */
  ts: string;
  id: string;
  doc: string;
}

/**
 * Per-person erasure in the PostgreSQL event store: reads candidate rows of the workspace's spaces in
 * primary-key order through the partitioned parent (so row-level security applies), and rewrites each
 * batch with one UPDATE in its own transaction.
 */
export class PgEventPseudonymiser implements EventPseudonymisationStore {
  readonly #pool: Pool;
  readonly #target: string;
  readonly #ownsPool: boolean;

  constructor(pool: Pool, target: string, ownsPool = false) {
    this.#pool = pool;
    this.#target = target;
    this.#ownsPool = ownsPool;
  }

  async pseudonymise(
    scope: EventPseudonymisationScope,
    rewrite: (event: Record<string, unknown>) => Record<string, unknown> | undefined,
    options: EventPseudonymisationOptions,
  ): Promise<EventPseudonymisationCounts> {
    try {
      return await this.#run(scope, rewrite, options);
    } catch (error) {
      throw toStoreError(error, this.#target);
    }
  }

  async #run(
    scope: EventPseudonymisationScope,
    rewrite: (event: Record<string, unknown>) => Record<string, unknown> | undefined,
    options: EventPseudonymisationOptions,
  ): Promise<EventPseudonymisationCounts> {
    const counts: EventPseudonymisationCounts = { scanned: 0, matched: 0, rewritten: 0 };
    if (scope.needles.length === 0 || scope.to <= scope.from) return counts;
    const ws = { workspace: scope.workspace };
    const spaces = await withScope(this.#pool, ws, async (c) =>
      (
        await c.query<{ space_id: number }>('SELECT space_id FROM event_spaces WHERE workspace = $1', [
          scope.workspace,
        ])
      ).rows.map((r) => r.space_id),
    );
    if (spaces.length === 0) return counts;
    let cursor: [number, string, string] = [-1, '0', ''];
    for (;;) {
      // Read and write of one batch share a transaction: the rows cannot change in between.
      const rows = await withScope(this.#pool, ws, async (c) => {
        const batch = (
          await c.query<Row>(
            `SELECT space_id, ts, id, doc::text AS doc FROM events
             WHERE space_id = ANY($1::int[]) AND ts >= $2 AND ts < $3
               AND (space_id, ts, id) > ($4::int, $5::bigint, $6::text)
               AND EXISTS (SELECT 1 FROM unnest($7::text[]) AS n(needle) WHERE strpos(lower(doc::text), n.needle) > 0)
             ORDER BY space_id, ts, id LIMIT $8`,
            [spaces, scope.from, scope.to, ...cursor, scope.needles, options.batchSize],
          )
        ).rows;
        const changed: { row: Row; doc: string }[] = [];
        for (const row of batch) {
          counts.scanned++;
          const next = rewrite(JSON.parse(row.doc) as Record<string, unknown>);
          if (next === undefined) continue;
          counts.matched++;
          changed.push({ row, doc: JSON.stringify(next) });
        }
        if (!options.dryRun && changed.length > 0) {
          const result = await c.query(
            `UPDATE events AS e SET doc = u.doc
             FROM unnest($1::int[], $2::bigint[], $3::text[], $4::jsonb[]) AS u(space_id, ts, id, doc)
             WHERE e.space_id = u.space_id AND e.ts = u.ts AND e.id = u.id`,
            [
              changed.map((x) => x.row.space_id),
              changed.map((x) => x.row.ts),
              changed.map((x) => x.row.id),
              changed.map((x) => x.doc),
            ],
          );
          counts.rewritten += result.rowCount ?? 0;
        }
        return batch;
      });
      const last = rows.at(-1);
      if (last === undefined || rows.length < options.batchSize) return counts;
      cursor = [last.space_id, last.ts, last.id];
    }
  }

  async close(): Promise<void> {
    if (this.#ownsPool) await this.#pool.end();
  }
}

/** The pseudonymiser on its own small pool (the operation is rare and sequential). */
export function openPostgresEventPseudonymiser(options: {
  url: string;
  schema?: string;
  logger?: Logger;
}): PgEventPseudonymiser {
  const schema = checkSchemaName(options.schema ?? 'public');
  const target = describeTarget(options.url);
  const pool = createPool(
    options.url,
    schema,
    (options.logger ?? silentLogger).child({ store: 'postgres-privacy' }),
  );
  return new PgEventPseudonymiser(pool, target, true);
}
