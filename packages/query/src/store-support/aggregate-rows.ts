import { userError } from '@vigil/core';
import { compareValues } from '../match/value-compare.ts';
import { QUERY_LIMITS } from '../parse/query-limits.ts';
import type { Aggregation, StatsStage, TimechartStage } from '../ast/query-plan.ts';

/** Groups one query may build (as the reference evaluator): SQL fetches one more to detect overflow. */
export const MAX_GROUPS = 100_000;
/** Rows a filled timechart may have (buckets × series). */
const MAX_CHART_ROWS = 1_000_000;

/** One group as SQL returned it: by-values (null when missing) and each aggregation's result. */
export interface GroupResult {
  values: unknown[];
  results: Map<string, unknown>;
}

/** Collects per-aggregation SQL results into groups keyed by their by-values. */
export class GroupTable {
  readonly groups = new Map<string, GroupResult>();

  /** Adds a group seen by the base (count) query; throws past MAX_GROUPS. */
  add(values: unknown[]): GroupResult {
    const key = JSON.stringify(values);
    let g = this.groups.get(key);
    if (g === undefined) {
      if (this.groups.size >= MAX_GROUPS) throw tooManyGroups();
      g = { values, results: new Map() };
      this.groups.set(key, g);
    }
    return g;
  }

  /** Sets aggregation `name`'s result for a group already known (others are ignored). */
  set(values: unknown[], name: string, result: unknown): void {
    this.groups.get(JSON.stringify(values))?.results.set(name, result);
  }
}

export function tooManyGroups() {
  return userError('QUERY_TOO_MANY_GROUPS', `the query produces more than ${MAX_GROUPS} groups`, {
    details: { limit: MAX_GROUPS },
  });
}

/** What an aggregation yields over no values: 0 for counts, null otherwise. */
export function emptyResult(agg: Aggregation): unknown {
  return agg.fn === 'count' || agg.fn === 'dc' ? 0 : null;
}

/** `stats` rows: by-fields then aggregations, ordered by the group values ascending (missing last). */
export function statsRows(stage: StatsStage, table: GroupTable): Record<string, unknown>[] {
  if (stage.by.length === 0 && table.groups.size === 0) table.add([]);
  const ordered = [...table.groups.values()].sort((a, b) => compareTuples(a.values, b.values));
  return ordered.map((g) => {
    const row: Record<string, unknown> = {};
    stage.by.forEach((f, i) => (row[f] = g.values[i] ?? null));
    for (const a of stage.aggregations) row[a.name] = g.results.get(a.name) ?? emptyResult(a);
    return row;
  });
}

/**
 * `timechart` rows from groups keyed by [bucket start ms, series?]: every bucket between the first
 * and last (or across the search's range) for every series seen, empty ones with empty results.
 */
export function timechartRows(
  stage: TimechartStage,
  table: GroupTable,
  range: { from: number; to: number },
): Record<string, unknown>[] {
  const span = stage.spanMs;
  const buckets = [...table.groups.values()].map((g) => g.values[0] as number);
  if (Number.isFinite(range.from)) buckets.push(Math.floor(range.from / span) * span);
  if (Number.isFinite(range.to) && range.to > range.from)
    buckets.push(Math.floor((range.to - 1) / span) * span);
  if (buckets.length === 0) return [];
  const first = Math.min(...buckets);
  const last = Math.max(...buckets);
  const count = (last - first) / span + 1;
  if (count > QUERY_LIMITS.maxBuckets) {
    throw userError(
      'QUERY_TOO_MANY_BUCKETS',
      `timechart span=${stage.span} makes ${count} buckets; the limit is ${QUERY_LIMITS.maxBuckets}: use a larger span or a shorter time range`,
      { details: { buckets: count, limit: QUERY_LIMITS.maxBuckets } },
    );
  }
  const by = stage.by;
  const series = new Map<string, unknown>();
  for (const g of table.groups.values())
    if (by !== undefined) series.set(JSON.stringify(g.values[1]), g.values[1]);
  const seriesValues =
    by === undefined ? [undefined] : [...series.values()].sort((a, b) => compareTuples([a], [b]));
  if (count * seriesValues.length > MAX_CHART_ROWS) throw tooManyGroups();
  const out: Record<string, unknown>[] = [];
  for (let b = first; b <= last; b += span) {
    for (const s of seriesValues) {
      const g = table.groups.get(JSON.stringify(by === undefined ? [b] : [b, s]));
      const row: Record<string, unknown> = { '@timestamp': new Date(b).toISOString() };
      if (by !== undefined) row[by] = s ?? null;
      for (const a of stage.aggregations) row[a.name] = g?.results.get(a.name) ?? emptyResult(a);
      out.push(row);
    }
  }
  return out;
}

/** Orders tuples of values ascending (numbers < strings < booleans), missing (null) last. */
export function compareTuples(a: readonly unknown[], b: readonly unknown[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    const mx = x === undefined || x === null;
    const my = y === undefined || y === null;
    if (mx || my) {
      if (mx !== my) return mx ? 1 : -1;
      continue;
    }
    const c = compareValues(x, y);
    if (c !== 0) return c;
  }
  return 0;
}
