import { getField, userError } from '@vigil/core';
import type { TimechartStage } from '../ast/query-plan.ts';
import type { Row } from '../match/compile-expr.ts';
import { toTime } from '../match/value-compare.ts';
import { QUERY_LIMITS } from '../parse/query-limits.ts';
import { createAccumulator } from './accumulator.ts';
import { compareTuples, groupRows } from './group-rows.ts';

export interface TimeRange {
  /** Inclusive lower bound, epoch ms. */
  from?: number;
  /** Exclusive upper bound, epoch ms. */
  to?: number;
}

/**
 * `timechart`: buckets rows by `@timestamp` into UTC-epoch-aligned spans and aggregates each bucket
 * (and by-value). Rows without a valid `@timestamp` are skipped. Empty buckets between the first and
 * last (or across `range` when given) are filled with zero counts, for every series seen.
 * Output rows: `{ '@timestamp': ISO bucket start, [by]: value, ...aggregations }`, time then series order.
 */
export function runTimechart(stage: TimechartStage, rows: readonly Row[], range: TimeRange): Row[] {
  const span = stage.spanMs;
  const bucketOf = (row: Row) => {
    const t = toTime(getField(row, '@timestamp'));
    return t === undefined ? undefined : Math.floor(t / span) * span;
  };
  const timed = rows.filter((r) => bucketOf(r) !== undefined);
  const by = stage.by;
  const readers = [bucketOf, ...(by === undefined ? [] : [(row: Row) => getField(row, by)])];
  const groups = groupRows(timed, readers, stage.aggregations);
  const buckets = [...groups.values()].map((g) => g.values[0] as number);
  if (range.from !== undefined) buckets.push(Math.floor(range.from / span) * span);
  if (range.to !== undefined && (range.from === undefined || range.to > range.from)) {
    buckets.push(Math.floor((range.to - 1) / span) * span);
  }
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
  const series = new Map<string, unknown>();
  for (const g of groups.values()) if (by !== undefined) series.set(JSON.stringify(g.values[1]), g.values[1]);
  const seriesValues =
    by === undefined ? [undefined] : [...series.values()].sort((a, b) => compareTuples([a], [b]));
  const out: Row[] = [];
  for (let b = first; b <= last; b += span) {
    for (const s of seriesValues) {
      const values = by === undefined ? [b] : [b, s];
      const g = groups.get(JSON.stringify(values));
      const row: Row = { '@timestamp': new Date(b).toISOString() };
      if (by !== undefined) row[by] = s ?? null;
      stage.aggregations.forEach((a, i) => {
        row[a.name] = (g?.accumulators[i] ?? createAccumulator(a)).result();
      });
      out.push(row);
    }
  }
  return out;
}
