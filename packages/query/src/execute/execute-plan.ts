import type { QueryPlan, Stage } from '../ast/query-plan.ts';
import type { Row } from '../match/compile-expr.ts';
import { compileExpr } from '../match/compile-expr.ts';
import { dropField, keepFields } from './project-fields.ts';
import { runStats } from './run-stats.ts';
import type { TimeRange } from './run-timechart.ts';
import { runTimechart } from './run-timechart.ts';
import { sortRows } from './sort-rows.ts';

export interface ExecuteOptions extends TimeRange {
  /** Epoch ms that `now` means in relative times; defaults to the current time. */
  now?: number;
}

/**
 * The reference evaluator: runs a plan over in-memory events (VigilEvent-like records) and returns the
 * result rows. It is the executable specification the store adapters' SQL is tested against, and it
 * serves small embedded searches. Throws a user VigilError only when a runtime limit is exceeded
 * (too many groups or timechart buckets).
 * Example: `executePlan(parseQuery('user.name:alice | stats count()').plan!, events)` → `[{ 'count()': 3 }]`.
 */
export function executePlan(plan: QueryPlan, events: readonly Row[], options: ExecuteOptions = {}): Row[] {
  const now = options.now ?? Date.now();
  const match = compileExpr(plan.search, now);
  let rows: Row[] = events.filter((e) => match(e));
  for (const stage of plan.stages) rows = runStage(stage, rows, now, options);
  return rows;
}

function runStage(stage: Stage, rows: Row[], now: number, range: TimeRange): Row[] {
  switch (stage.kind) {
    case 'where': {
      const match = compileExpr(stage.expr, now);
      return rows.filter((r) => match(r));
    }
    case 'fields':
      if (stage.mode === 'keep') return rows.map((r) => keepFields(r, stage.fields));
      return rows.map((r) => stage.fields.reduce(dropField, r));
    case 'sort':
      return sortRows(rows, stage.keys);
    case 'head':
      return rows.slice(0, stage.count);
    case 'stats':
      return runStats(stage, rows);
    case 'timechart':
      return runTimechart(stage, rows, range);
    default: {
      const never: never = stage;
      throw new TypeError(`unknown stage ${JSON.stringify(never)}`);
    }
  }
}
