import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import type { SuppressedHit, SuppressedHitLedger, SuppressedKind, SuppressionCount } from '@vigil/cases';
import type { WriteQueue } from '../connection/write-queue.ts';
import { writeTransaction } from '../connection/sqlite-transaction.ts';

interface CountRow {
  rule_id: string;
  by_id: string;
  suppressed: number;
  excepted: number;
  last_at: number;
}

interface HitRow {
  workspace: string;
  rule_id: string;
  kind: SuppressedKind;
  by_id: string;
  at: number;
  event_ids: string;
}

/** Exact counters per (rule, suppression/exception) plus the last `keep` hits of each workspace. */
export class SqliteSuppressedHitLedger implements SuppressedHitLedger {
  readonly #db: DatabaseSync;
  readonly #writes: WriteQueue;
  readonly #keep: number;

  constructor(db: DatabaseSync, writes: WriteQueue, keep = 1000) {
    this.#db = db;
    this.#writes = writes;
    this.#keep = keep;
  }

  record(workspace: string, hits: readonly SuppressedHit[]): Promise<void> {
    if (hits.length === 0) return Promise.resolve();
    return this.#writes.run(() =>
      writeTransaction(this.#db, () => {
        const count = this.#db.prepare(
          `INSERT INTO suppression_counts (workspace, rule_id, by_id, suppressed, excepted, last_at)
           VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (workspace, rule_id, by_id) DO UPDATE SET
             suppressed = suppressed + excluded.suppressed, excepted = excepted + excluded.excepted,
             last_at = max(last_at, excluded.last_at)`,
        );
        const hit = this.#db.prepare(
          `INSERT INTO suppressed_hits (workspace, rule_id, kind, by_id, at, event_ids) VALUES (?, ?, ?, ?, ?, ?)`,
        );
        for (const h of hits) {
          count.run(
            workspace,
            h.ruleId,
            h.by,
            h.kind === 'suppressed' ? 1 : 0,
            h.kind === 'excepted' ? 1 : 0,
            h.at,
          );
          hit.run(workspace, h.ruleId, h.kind, h.by, h.at, JSON.stringify(h.eventIds));
        }
        // Bounded history: counts stay exact, only the viewable hits are trimmed.
        this.#db
          .prepare(
            `DELETE FROM suppressed_hits WHERE workspace = ? AND seq <= (
               SELECT seq FROM suppressed_hits WHERE workspace = ? ORDER BY seq DESC LIMIT 1 OFFSET ?)`,
          )
          .run(workspace, workspace, this.#keep);
      }),
    );
  }

  counts(workspace: string, ruleId?: string): Promise<SuppressionCount[]> {
    return Promise.resolve().then(() => {
      const params: SQLInputValue[] = [workspace];
      if (ruleId !== undefined) params.push(ruleId);
      const rows = this.#db
        .prepare(
          `SELECT rule_id, by_id, suppressed, excepted, last_at FROM suppression_counts
           WHERE workspace = ? ${ruleId === undefined ? '' : 'AND rule_id = ?'} ORDER BY rule_id, by_id`,
        )
        .all(...params) as unknown as CountRow[];
      return foldCounts(rows);
    });
  }

  recent(workspace: string, options: { ruleId?: string; limit?: number } = {}): Promise<SuppressedHit[]> {
    return Promise.resolve().then(() => {
      const params: SQLInputValue[] = [workspace];
      if (options.ruleId !== undefined) params.push(options.ruleId);
      params.push(Math.max(0, options.limit ?? 100));
      const rows = this.#db
        .prepare(
          `SELECT workspace, rule_id, kind, by_id, at, event_ids FROM suppressed_hits
           WHERE workspace = ? ${options.ruleId === undefined ? '' : 'AND rule_id = ?'}
           ORDER BY seq DESC LIMIT ?`,
        )
        .all(...params) as unknown as HitRow[];
      return rows.map((r) => ({
        workspace: r.workspace,
        ruleId: r.rule_id,
        kind: r.kind,
        by: r.by_id,
        at: r.at,
        eventIds: JSON.parse(r.event_ids) as string[],
      }));
    });
  }
}

/** Per-(rule, by) rows → one SuppressionCount per rule, in rule order. */
export function foldCounts(
  rows: readonly {
    rule_id: string;
    by_id: string;
    suppressed: number | string;
    excepted: number | string;
    last_at: number | string;
  }[],
): SuppressionCount[] {
  const out = new Map<string, SuppressionCount>();
  for (const r of rows) {
    const c = out.get(r.rule_id) ?? { ruleId: r.rule_id, suppressed: 0, excepted: 0, by: {}, lastAt: 0 };
    const suppressed = Number(r.suppressed);
    const excepted = Number(r.excepted);
    c.suppressed += suppressed;
    c.excepted += excepted;
    c.by[r.by_id] = (c.by[r.by_id] ?? 0) + suppressed + excepted;
    c.lastAt = Math.max(c.lastAt, Number(r.last_at));
    out.set(r.rule_id, c);
  }
  return [...out.values()];
}
