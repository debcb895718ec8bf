import type { SuppressedHit, SuppressedHitLedger, SuppressedKind, SuppressionCount } from '@vigil/cases';
import type { PgScopedDb } from '../identity/pg-scoped-db.ts';

interface CountRow {
  rule_id: string;
  by_id: string;
  suppressed: string;
  excepted: string;
  last_at: string;
}

interface HitRow {
  workspace: string;
  rule_id: string;
  kind: SuppressedKind;
  by_id: string;
  at: string;
  event_ids: string;
}

/** Exact counters per (rule, suppression/exception) plus the last `keep` hits of each workspace. */
export class PgSuppressedHitLedger implements SuppressedHitLedger {
  readonly #db: PgScopedDb;
  readonly #keep: number;

  constructor(db: PgScopedDb, keep = 1000) {
    this.#db = db;
    this.#keep = keep;
  }

  async record(workspace: string, hits: readonly SuppressedHit[]): Promise<void> {
    if (hits.length === 0) return;
    // One upsert per (rule, by): concurrent writers add to the same counters without losing updates.
    const counts = new Map<string, { ruleId: string; by: string; s: number; e: number; at: number }>();
    for (const h of hits) {
      const key = JSON.stringify([h.ruleId, h.by]);
      const c = counts.get(key) ?? { ruleId: h.ruleId, by: h.by, s: 0, e: 0, at: 0 };
      if (h.kind === 'suppressed') c.s += 1;
      else c.e += 1;
      c.at = Math.max(c.at, h.at);
      counts.set(key, c);
    }
    await this.#db.run({ workspace }, async (c) => {
      for (const x of [...counts.values()].sort((a, b) => (a.ruleId + a.by < b.ruleId + b.by ? -1 : 1))) {
        await c.query(
          `INSERT INTO suppression_counts (workspace, rule_id, by_id, suppressed, excepted, last_at)
           VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (workspace, rule_id, by_id) DO UPDATE SET
             suppressed = suppression_counts.suppressed + excluded.suppressed,
             excepted = suppression_counts.excepted + excluded.excepted,
             last_at = greatest(suppression_counts.last_at, excluded.last_at)`,
          [workspace, x.ruleId, x.by, x.s, x.e, x.at],
        );
      }
      await c.query(
        `INSERT INTO suppressed_hits (workspace, rule_id, kind, by_id, at, event_ids)
         SELECT $1::text, * FROM unnest($2::text[], $3::text[], $4::text[], $5::bigint[], $6::text[])`,
        [
          workspace,
          hits.map((h) => h.ruleId),
          hits.map((h) => h.kind),
          hits.map((h) => h.by),
          hits.map((h) => h.at),
          hits.map((h) => JSON.stringify(h.eventIds)),
        ],
      );
      await c.query(
        `DELETE FROM suppressed_hits WHERE workspace = $1 AND seq <= (
           SELECT seq FROM suppressed_hits WHERE workspace = $1 ORDER BY seq DESC LIMIT 1 OFFSET $2)`,
        [workspace, this.#keep],
      );
    });
  }

  counts(workspace: string, ruleId?: string): Promise<SuppressionCount[]> {
    return this.#db.run({ workspace }, async (c) => {
      const rows = (
        await c.query<CountRow>(
          `SELECT rule_id, by_id, suppressed, excepted, last_at FROM suppression_counts
           WHERE workspace = $1 AND ($2::text IS NULL OR rule_id = $2) ORDER BY rule_id, by_id`,
          [workspace, ruleId ?? null],
        )
      ).rows;
      const out = new Map<string, SuppressionCount>();
      for (const r of rows) {
        const count = out.get(r.rule_id) ?? {
          ruleId: r.rule_id,
          suppressed: 0,
          excepted: 0,
          by: {},
          lastAt: 0,
        };
        const s = Number(r.suppressed);
        const e = Number(r.excepted);
        count.suppressed += s;
        count.excepted += e;
        count.by[r.by_id] = (count.by[r.by_id] ?? 0) + s + e;
        count.lastAt = Math.max(count.lastAt, Number(r.last_at));
        out.set(r.rule_id, count);
      }
      return [...out.values()];
    });
  }

  recent(workspace: string, options: { ruleId?: string; limit?: number } = {}): Promise<SuppressedHit[]> {
    return this.#db.run({ workspace }, async (c) => {
      const rows = (
        await c.query<HitRow>(
          `SELECT workspace, rule_id, kind, by_id, at, event_ids FROM suppressed_hits
           WHERE workspace = $1 AND ($2::text IS NULL OR rule_id = $2) ORDER BY seq DESC LIMIT $3`,
          [workspace, options.ruleId ?? null, Math.max(0, options.limit ?? 100)],
        )
      ).rows;
      return rows.map((r) => ({
        workspace: r.workspace,
        ruleId: r.rule_id,
        kind: r.kind,
        by: r.by_id,
        at: Number(r.at),
        eventIds: JSON.parse(r.event_ids) as string[],
      }));
    });
  }
}
