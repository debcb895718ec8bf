import type { QueryExpr } from './query-expr.ts';

/**
 * A parsed query: the search condition over events, then pipeline stages applied in order.
 * Example: `process.name:cmd.exe | stats count() by host.name | sort -count()` →
 * `{ search: eq(process.name, "cmd.exe"), stages: [stats, sort] }`.
 */
export interface QueryPlan {
  /** The query text the plan was parsed from. */
  source: string;
  search: QueryExpr;
  stages: readonly Stage[];
  /** The output column names when a stage fixes them (`fields`, `stats`, `timechart`); absent for events. */
  columns?: readonly string[];
}

export type Stage = WhereStage | FieldsStage | SortStage | HeadStage | StatsStage | TimechartStage;

/** `| where <expr>`: keeps the rows (events or stats rows) that match. */
export interface WhereStage {
  kind: 'where';
  expr: QueryExpr;
  offset: number;
}

/** `| fields a, b` keeps exactly those columns (flat dotted names, null when missing); `| fields - a` drops. */
export interface FieldsStage {
  kind: 'fields';
  mode: 'keep' | 'drop';
  fields: readonly string[];
  offset: number;
}

export interface SortKey {
  field: string;
  order: 'asc' | 'desc';
}

/** `| sort a desc, b` or `| sort -a, b`: stable; missing values sort last in both directions. */
export interface SortStage {
  kind: 'sort';
  keys: readonly SortKey[];
  offset: number;
}

/** `| head 10`: the first N rows (1..10000). */
export interface HeadStage {
  kind: 'head';
  count: number;
  offset: number;
}

export type AggregationFn = 'count' | 'dc' | 'sum' | 'avg' | 'min' | 'max';

/** `count()`, `count(f)`, `dc(f)`, `sum(f)`, `avg(f)`, `min(f)`, `max(f)` with an output column name. */
export interface Aggregation {
  fn: AggregationFn;
  field?: string;
  /** Output column: the alias after `as`, else the canonical call text such as `count()` or `dc(user.name)`. */
  name: string;
}

/** `| stats count() as n, dc(user.name) by host.name`: one row per group, ordered by the group values. */
export interface StatsStage {
  kind: 'stats';
  aggregations: readonly Aggregation[];
  by: readonly string[];
  offset: number;
}

/** `| timechart span=1h count() by host.name`: one row per time bucket (and series value). */
export interface TimechartStage {
  kind: 'timechart';
  spanMs: number;
  /** The span as written, e.g. `1h`. */
  span: string;
  aggregations: readonly Aggregation[];
  by?: string;
  offset: number;
}
