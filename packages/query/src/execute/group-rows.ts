import { getField, userError } from '@vigil/core';
import type { Aggregation } from '../ast/query-plan.ts';
import type { Row } from '../match/compile-expr.ts';
import { compareValues, elements, isMissing } from '../match/value-compare.ts';
import type { Accumulator } from './accumulator.ts';
import { createAccumulator } from './accumulator.ts';

/** Groups one query may build before it is refused (the embedded evaluator holds them all in memory). */
export const MAX_GROUPS = 100_000;
/** Group combinations one row may join (the cross product of its multi-valued by-fields). */
const MAX_COMBINATIONS_PER_ROW = 1_000;

export interface Group {
  /** The by-values, null where the row had none. */
  values: unknown[];
  accumulators: Accumulator[];
}

/**
 * Groups rows by the values of `by` and aggregates each group. A row whose by-field is an array joins
 * one group per distinct element (ES/Splunk semantics: `event.category` is an array); a missing field
 * groups under null, so no row vanishes from the totals.
 */
export function groupRows(
  rows: readonly Row[],
  by: readonly ((row: Row) => unknown)[],
  aggregations: readonly Aggregation[],
): Map<string, Group> {
  const groups = new Map<string, Group>();
  for (const row of rows) {
    for (const values of combinations(by.map((f) => distinctElements(f(row))))) {
      const key = JSON.stringify(values);
      let g = groups.get(key);
      if (g === undefined) {
        if (groups.size >= MAX_GROUPS) {
          throw userError('QUERY_TOO_MANY_GROUPS', `the query produces more than ${MAX_GROUPS} groups`, {
            details: { limit: MAX_GROUPS },
          });
        }
        g = { values, accumulators: aggregations.map(createAccumulator) };
        groups.set(key, g);
      }
      for (const a of g.accumulators) a.add(row);
    }
  }
  return groups;
}

/** Reads a by-field from a row. */
export function fieldReader(field: string): (row: Row) => unknown {
  return (row) => getField(row, field);
}

/** Orders tuples of values ascending, missing (null) last. */
export function compareTuples(a: readonly unknown[], b: readonly unknown[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    const mx = isMissing(x);
    const my = isMissing(y);
    if (mx || my) {
      if (mx !== my) return mx ? 1 : -1;
      continue;
    }
    const c = compareValues(x, y);
    if (c !== 0) return c;
  }
  return 0;
}

function distinctElements(value: unknown): unknown[] {
  const els = elements(value);
  if (els.length === 0) return [null];
  const seen = new Map<string, unknown>();
  for (const e of els) seen.set(JSON.stringify(e) ?? '', e);
  return [...seen.values()];
}

function combinations(lists: readonly unknown[][]): unknown[][] {
  let out: unknown[][] = [[]];
  for (const list of lists) {
    const next: unknown[][] = [];
    for (const prefix of out) for (const v of list) next.push([...prefix, v]);
    if (next.length > MAX_COMBINATIONS_PER_ROW) {
      throw userError(
        'QUERY_TOO_MANY_GROUPS',
        `one row falls into more than ${MAX_COMBINATIONS_PER_ROW} groups`,
        {
          details: { limit: MAX_COMBINATIONS_PER_ROW },
        },
      );
    }
    out = next;
  }
  return out;
}
