import type { StatsStage } from '../ast/query-plan.ts';
import type { Row } from '../match/compile-expr.ts';
import { compareTuples, fieldReader, groupRows } from './group-rows.ts';

/**
 * `stats`: one row per group with the by-fields (flat dotted keys) then the aggregations, ordered by
 * the group values ascending (missing last). Without `by`, exactly one row, even over no input.
 */
export function runStats(stage: StatsStage, rows: readonly Row[]): Row[] {
  const groups = groupRows(rows, stage.by.map(fieldReader), stage.aggregations);
  if (stage.by.length === 0 && groups.size === 0) {
    groups.set('[]', { values: [], accumulators: [] });
  }
  const ordered = [...groups.values()].sort((a, b) => compareTuples(a.values, b.values));
  return ordered.map((g) => {
    const out: Row = {};
    stage.by.forEach((f, i) => (out[f] = g.values[i] ?? null));
    stage.aggregations.forEach((a, i) => {
      const acc = g.accumulators[i];
      out[a.name] = acc === undefined ? emptyResult(a.fn) : acc.result();
    });
    return out;
  });
}

/** What an aggregation yields over no rows: 0 for counts, null otherwise. */
export function emptyResult(fn: string): unknown {
  return fn === 'count' || fn === 'dc' ? 0 : null;
}
