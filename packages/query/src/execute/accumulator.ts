import { getField } from '@vigil/core';
import type { Aggregation } from '../ast/query-plan.ts';
import type { Row } from '../match/compile-expr.ts';
import { elements, isPresent, toNumber } from '../match/value-compare.ts';

/** Folds rows into one aggregation result. */
export interface Accumulator {
  add(row: Row): void;
  result(): unknown;
}

/**
 * Creates the accumulator of one aggregation. Semantics (the spec for SQL compilation):
 * - `count()` counts rows; `count(f)` rows where f is present;
 * - `dc(f)` distinct values, exact (type- and case-sensitive), each array element counted;
 * - `sum/avg(f)` over numbers and numeric strings, each array element; null when there are none;
 * - `min/max(f)` over the numeric values when there are any, else over strings by code units; else null.
 */
export function createAccumulator(agg: Aggregation): Accumulator {
  const field = agg.field;
  const values = (row: Row) => (field === undefined ? [] : elements(getField(row, field)));
  switch (agg.fn) {
    case 'count': {
      let n = 0;
      return {
        add: (row) => {
          if (field === undefined || isPresent(getField(row, field))) n++;
        },
        result: () => n,
      };
    }
    case 'dc': {
      const seen = new Set<string>();
      return {
        add: (row) => {
          for (const v of values(row)) seen.add(JSON.stringify(v) ?? '');
        },
        result: () => seen.size,
      };
    }
    case 'sum':
    case 'avg': {
      let sum = 0;
      let n = 0;
      return {
        add: (row) => {
          for (const v of values(row)) {
            const x = toNumber(v);
            if (x !== undefined) {
              sum += x;
              n++;
            }
          }
        },
        result: () => (n === 0 ? null : agg.fn === 'sum' ? sum : sum / n),
      };
    }
    case 'min':
    case 'max': {
      const better = (a: number | string, b: number | string) => (agg.fn === 'min' ? a < b : a > b);
      let num: number | undefined;
      let str: string | undefined;
      return {
        add: (row) => {
          for (const v of values(row)) {
            const x = toNumber(v);
            if (x !== undefined) {
              if (num === undefined || better(x, num)) num = x;
            } else if (typeof v === 'string' && (str === undefined || better(v, str))) {
              str = v;
            }
          }
        },
        result: () => num ?? str ?? null,
      };
    }
    default: {
      const never: never = agg.fn;
      throw new TypeError(`unknown aggregation ${String(never)}`);
    }
  }
}
