import type { Bound, CmpOp, QueryExpr } from '../ast/query-expr.ts';

export interface EventTimeBounds {
  /** Inclusive lower bound on `@timestamp`, epoch ms. */
  from?: number;
  /** Exclusive upper bound on `@timestamp`, epoch ms. */
  to?: number;
}

/**
 * The `@timestamp` window a condition implies through its top-level AND of time comparisons, so a
 * store can narrow its event-time range (and skip day partitions). Only a necessary condition: the
 * full condition still applies. Example: `@timestamp >= now-1h` with now = T → `{ from: T - 3600000 }`.
 */
export function eventTimeBounds(expr: QueryExpr, now: number): EventTimeBounds {
  const out: EventTimeBounds = {};
  const items = expr.kind === 'and' ? expr.items : [expr];
  for (const item of items) {
    if (item.kind === 'cmp' && item.field === '@timestamp') narrow(out, item.op, item.value, now);
    if (item.kind === 'range' && item.field === '@timestamp') {
      if (item.lower) narrow(out, item.lower.inclusive ? 'gte' : 'gt', item.lower.value, now);
      if (item.upper) narrow(out, item.upper.inclusive ? 'lte' : 'lt', item.upper.value, now);
    }
  }
  return out;
}

function narrow(out: EventTimeBounds, op: CmpOp, bound: Bound, now: number): void {
  const ms = bound.type === 'time' ? bound.ms : bound.type === 'now' ? now + bound.offsetMs : undefined;
  if (ms === undefined) return;
  // Event times are whole milliseconds, so `> t` is `>= t + 1` and `<= t` is `< t + 1`.
  if (op === 'gt' || op === 'gte') {
    const from = op === 'gt' ? ms + 1 : ms;
    out.from = out.from === undefined ? from : Math.max(out.from, from);
  } else {
    const to = op === 'lte' ? ms + 1 : ms;
    out.to = out.to === undefined ? to : Math.min(out.to, to);
  }
}
