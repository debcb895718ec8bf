import type { QueryExpr } from '../ast/query-expr.ts';
import type { QueryPlan, SortKey, Stage, StatsStage, TimechartStage } from '../ast/query-plan.ts';

/**
 * How a query plan is split between SQL and JavaScript (the same split in both adapters):
 * - `search` (the query's search ANDed with every pushable `where` on events), `sort` and `head`
 *   run in SQL over the event partitions;
 * - `aggregate` (the first stats/timechart) runs in SQL as GROUP BY over those rows;
 * - `rest` runs in JavaScript through the reference evaluator over what SQL returned, which is
 *   bounded: at most `head`/the page limit event rows, or at most MAX_GROUPS aggregated rows.
 * A stage is pushed only where it commutes with what is left behind: `where`/`sort` before any
 * `head`, keep-`fields` always (they never change a value a later stage can name), drop-`fields`
 * while no later stage names a dropped path.
 */
export interface SplitPlan {
  search: QueryExpr;
  /** Sort keys, most significant first; empty = event-time order. */
  sort: readonly SortKey[];
  head?: number;
  aggregate?: StatsStage | TimechartStage;
  /** Stages left for JavaScript, in order. */
  rest: readonly Stage[];
  /** True when `rest` only projects rows (so a plain search can be paged by cursor). */
  restIsProjection: boolean;
}

export function splitPlan(plan: QueryPlan): SplitPlan {
  const wheres: QueryExpr[] = plan.search.kind === 'all' ? [] : [plan.search];
  let sort: SortKey[] = [];
  let head: number | undefined;
  const projections: Stage[] = [];
  const dropped: string[] = [];
  let i = 0;
  let aggregate: StatsStage | TimechartStage | undefined;
  for (; i < plan.stages.length; i++) {
    const stage = plan.stages[i] as Stage;
    if (stage.kind === 'fields') {
      projections.push(stage);
      if (stage.mode === 'drop') dropped.push(...stage.fields);
      continue;
    }
    const names = stageFields(stage);
    if (names.some((f) => dropped.some((d) => touches(f, d)))) break;
    if (stage.kind === 'where' && head === undefined) {
      wheres.push(stage.expr);
      continue;
    }
    if (stage.kind === 'sort' && head === undefined) {
      // Stable sorts compose: sorting by A then by B orders by B, ties by A.
      sort = [...stage.keys, ...sort.filter((k) => !stage.keys.some((n) => n.field === k.field))];
      continue;
    }
    if (stage.kind === 'head') {
      head = Math.min(head ?? stage.count, stage.count);
      continue;
    }
    if (stage.kind === 'stats' || stage.kind === 'timechart') {
      aggregate = stage;
      i++;
    }
    break;
  }
  const remaining = plan.stages.slice(i);
  // Projections before an aggregation change nothing it can see; otherwise they run first in JS.
  const rest = aggregate === undefined ? [...projections, ...remaining] : remaining;
  const search: QueryExpr =
    wheres.length === 0
      ? { kind: 'all' }
      : wheres.length === 1
        ? (wheres[0] as QueryExpr)
        : { kind: 'and', items: wheres };
  return {
    search,
    sort,
    ...(head === undefined ? {} : { head }),
    ...(aggregate === undefined ? {} : { aggregate }),
    rest,
    restIsProjection: aggregate === undefined && remaining.length === 0,
  };
}

/** Field names a stage reads (for the drop-fields commutation test). */
function stageFields(stage: Stage): string[] {
  switch (stage.kind) {
    case 'where':
      return exprFields(stage.expr);
    case 'sort':
      return stage.keys.map((k) => k.field);
    case 'stats':
      return [...stage.by, ...stage.aggregations.flatMap((a) => (a.field === undefined ? [] : [a.field]))];
    case 'timechart':
      return [
        '@timestamp',
        ...(stage.by === undefined ? [] : [stage.by]),
        ...stage.aggregations.flatMap((a) => (a.field === undefined ? [] : [a.field])),
      ];
    case 'fields':
    case 'head':
      return [];
  }
}

function exprFields(expr: QueryExpr): string[] {
  switch (expr.kind) {
    case 'and':
    case 'or':
      return expr.items.flatMap(exprFields);
    case 'not':
      return exprFields(expr.item);
    case 'all':
      return [];
    case 'text':
      return ['message', 'raw'];
    case 'eq':
    case 'in':
    case 'wildcard':
    case 'cidr':
    case 'cmp':
    case 'range':
    case 'exists':
      return [expr.field];
  }
}

function touches(field: string, dropped: string): boolean {
  return field === dropped || field.startsWith(`${dropped}.`) || dropped.startsWith(`${field}.`);
}

/** A plain search in event-time order whose JS stages only project rows: pages by keyset cursor. */
export function isPageable(split: SplitPlan): boolean {
  return (
    split.aggregate === undefined &&
    split.sort.length === 0 &&
    split.head === undefined &&
    split.restIsProjection
  );
}
