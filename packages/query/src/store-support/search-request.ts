import { MAX_QUERY_LIMIT, userError } from '@vigil/core';
import type { EventSearchRequest } from '@vigil/core';
import { eventTimeBounds } from '../filter/event-time-bounds.ts';
import { executePlan } from '../execute/execute-plan.ts';
import type { QueryExpr } from '../ast/query-expr.ts';
import type { QueryPlan, Stage } from '../ast/query-plan.ts';
import type { SplitPlan } from './search-plan.ts';

/** Checks a search request the way EventStore.query checks its range and limit. */
export function checkSearchRequest(req: EventSearchRequest<QueryPlan>): void {
  if (typeof req.workspace !== 'string' || req.workspace.length === 0) {
    throw userError('INVALID_WORKSPACE', 'a workspace is required', { details: { field: 'workspace' } });
  }
  if (!Number.isFinite(req.from) || !Number.isFinite(req.to)) {
    throw userError('INVALID_TIME_RANGE', 'from and to must be finite epoch milliseconds', {
      details: { field: 'from' },
    });
  }
  if (!Number.isInteger(req.limit) || req.limit < 1 || req.limit > MAX_QUERY_LIMIT) {
    throw userError('INVALID_LIMIT', `limit must be an integer from 1 to ${MAX_QUERY_LIMIT}`, {
      details: { field: 'limit', max: MAX_QUERY_LIMIT },
    });
  }
}

/** The event-time window to read: the request's [from, to) narrowed by `@timestamp` conditions. */
export function readWindow(
  req: EventSearchRequest<QueryPlan>,
  split: SplitPlan,
): { from: number; to: number } {
  const bounds = eventTimeBounds(flattenAnd(split.search), req.now);
  return { from: Math.max(req.from, bounds.from ?? req.from), to: Math.min(req.to, bounds.to ?? req.to) };
}

function flattenAnd(expr: QueryExpr): QueryExpr {
  return expr.kind === 'and' ? { kind: 'and', items: andItems(expr) } : expr;
}

function andItems(expr: QueryExpr): QueryExpr[] {
  return expr.kind === 'and' ? expr.items.flatMap(andItems) : [expr];
}

/** Runs the stages left for JavaScript through the reference evaluator (over bounded rows). */
export function runRest(
  plan: QueryPlan,
  rest: readonly Stage[],
  rows: Record<string, unknown>[],
  req: EventSearchRequest<QueryPlan>,
): Record<string, unknown>[] {
  if (rest.length === 0) return rows;
  return executePlan({ source: plan.source, search: { kind: 'all' }, stages: rest }, rows, {
    now: req.now,
    from: req.from,
    to: req.to,
  });
}

export function cursorNotAllowed() {
  return userError(
    'INVALID_CURSOR',
    'a cursor pages plain searches only (no sort, head, stats or timechart)',
    {
      details: { field: 'cursor' },
    },
  );
}
