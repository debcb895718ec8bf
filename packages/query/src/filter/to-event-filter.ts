import type { EventFilter } from '@vigil/core';
import type { Bound, CmpOp, QueryExpr, WildcardPart } from '../ast/query-expr.ts';
import { foldCase } from '../match/fold-case.ts';

export interface EventFilterResult {
  /**
   * Selects a superset of the matching events (never misses one); `{ and: [] }` when nothing could
   * narrow the search. When `exact` is false, run the plan's condition over what it returns.
   */
  filter: EventFilter;
  /** True when `filter` selects exactly the matching events. */
  exact: boolean;
  /** The leaf conditions the filter could not express exactly, for the adapter to compile or post-filter. */
  unsupported: QueryExpr[];
}

const TRUE: EventFilter = { and: [] };
const FALSE: EventFilter = { or: [] };

/** A superset (`upper`) and a subset (`lower`) filter of one condition; equal when exact. */
interface Bounds {
  upper: EventFilter;
  lower: EventFilter;
  exact: boolean;
}

/**
 * Converts the part of a condition that core's EventFilter can express. Each leaf yields a superset
 * and a subset filter (equal when exact); NOT swaps them, so the result is always a sound superset:
 * a store can prefilter with it and the reference evaluator (or adapter SQL) finishes the rest.
 * Example: `toEventFilter(parseQuery('event.code:4688').plan!.search)` →
 * `{ filter: { field: 'event.code', op: 'eq', value: '4688' }, exact: true, unsupported: [] }`.
 */
export function toEventFilter(expr: QueryExpr): EventFilterResult {
  const unsupported: QueryExpr[] = [];
  const b = convert(expr, unsupported);
  return { filter: b.upper, exact: b.exact, unsupported };
}

function convert(expr: QueryExpr, unsupported: QueryExpr[]): Bounds {
  switch (expr.kind) {
    case 'all':
      return exact(TRUE);
    case 'and':
    case 'or': {
      const parts = expr.items.map((i) => convert(i, unsupported));
      const join = expr.kind === 'and' ? and : or;
      return {
        upper: join(parts.map((p) => p.upper)),
        lower: join(parts.map((p) => p.lower)),
        exact: parts.every((p) => p.exact),
      };
    }
    case 'not': {
      const inner = convert(expr.item, unsupported);
      return { upper: not(inner.lower), lower: not(inner.upper), exact: inner.exact };
    }
    case 'exists':
      return exact({ field: expr.field, op: 'exists' });
    case 'eq':
      return note(equality(expr.field, [expr.value]), expr, unsupported);
    case 'in':
      return note(equality(expr.field, expr.values), expr, unsupported);
    case 'wildcard':
      return note(wildcard(expr.field, expr.pattern), expr, unsupported);
    case 'cmp':
      return note(compare(expr.field, expr.op, expr.value), expr, unsupported);
    case 'range': {
      const parts: Bounds[] = [];
      if (expr.lower) parts.push(compare(expr.field, expr.lower.inclusive ? 'gte' : 'gt', expr.lower.value));
      if (expr.upper) parts.push(compare(expr.field, expr.upper.inclusive ? 'lte' : 'lt', expr.upper.value));
      const b = {
        upper: and(parts.map((p) => p.upper)),
        lower: and(parts.map((p) => p.lower)),
        exact: parts.every((p) => p.exact),
      };
      return note(b, expr, unsupported);
    }
    case 'cidr':
      return note(presentOnly(expr.field), expr, unsupported);
    case 'text':
      return note({ upper: TRUE, lower: FALSE, exact: false }, expr, unsupported);
    default: {
      const never: never = expr;
      throw new TypeError(`unknown condition ${JSON.stringify(never)}`);
    }
  }
}

function exact(f: EventFilter): Bounds {
  return { upper: f, lower: f, exact: true };
}

function note(b: Bounds, expr: QueryExpr, unsupported: QueryExpr[]): Bounds {
  if (!b.exact) unsupported.push(expr);
  return b;
}

/** Any condition on a field implies the field is present; nothing more is known. */
function presentOnly(field: string): Bounds {
  return { upper: { field, op: 'exists' }, lower: FALSE, exact: false };
}

/** A string without cased letters compares the same with or without case folding. */
function caseless(s: string): boolean {
  return s.toLowerCase() === s.toUpperCase() && foldCase(s) === s;
}

/**
 * Case-insensitive equality. Core's `eq` is exact-case (and matches numbers by canonical text, as we
 * do), so caseless values map exactly; others get `prefix AND suffix` (case-insensitive) above and
 * exact-case `eq` below.
 */
function equality(field: string, values: readonly string[]): Bounds {
  const plain = values.filter(caseless);
  const cased = values.filter((v) => !caseless(v));
  const upper: EventFilter[] = [];
  const lower: EventFilter[] = [];
  if (plain.length === 1) upper.push({ field, op: 'eq', value: plain[0] as string });
  else if (plain.length > 1) upper.push({ field, op: 'in', values: plain });
  lower.push(...upper);
  for (const v of cased) {
    const folded = foldCase(v);
    const bool =
      folded === 'true' || folded === 'false' ? [{ field, op: 'eq' as const, value: folded === 'true' }] : [];
    upper.push(
      or([
        and([
          { field, op: 'prefix', value: v },
          { field, op: 'suffix', value: v },
        ]),
        ...bool,
      ]),
    );
    lower.push(or([{ field, op: 'eq', value: v }, ...bool]));
  }
  return { upper: or(upper), lower: or(lower), exact: cased.length === 0 };
}

/**
 * `*`-only patterns of the forms `L*`, `*L`, `*L*` map exactly to prefix/suffix/contains (which test
 * strings only) unless the literal could also spell a number or boolean, which our wildcard matches
 * through its text. Other patterns get a superset from their literal runs.
 */
function wildcard(field: string, pattern: readonly WildcardPart[]): Bounds {
  const literals = pattern.filter((p): p is string => typeof p === 'string');
  const startsLiteral = typeof pattern[0] === 'string';
  const endsLiteral = typeof pattern[pattern.length - 1] === 'string';
  const stringsOnly = /[^0-9.+\-etrufals]/.test(foldCase(literals.join('')));
  if (!stringsOnly) return presentOnly(field);
  const conds: EventFilter[] = [];
  literals.forEach((l, i) => {
    const op =
      i === 0 && startsLiteral ? 'prefix' : i === literals.length - 1 && endsLiteral ? 'suffix' : 'contains';
    conds.push({ field, op, value: l });
  });
  const onlyStars = pattern.every((p) => typeof p === 'string' || p.wildcard === '*');
  const simple = onlyStars && literals.length === 1 && pattern.length <= 3;
  const upper = conds.length === 0 ? { field, op: 'exists' as const } : and(conds);
  return { upper, lower: simple ? upper : FALSE, exact: simple };
}

/** Core compares numbers with numeric JSON values only and strings bytewise with strings. */
function compare(field: string, op: CmpOp, bound: Bound): Bounds {
  if (bound.type === 'string') return exact({ field, op, value: bound.value });
  if (bound.type === 'number') {
    // We also compare numeric strings ("4688"); core does not, so its filter is only a subset.
    return { upper: { field, op: 'exists' }, lower: { field, op, value: bound.value }, exact: false };
  }
  return presentOnly(field);
}

function isTrue(f: EventFilter): boolean {
  return 'and' in f && f.and.length === 0;
}

function isFalse(f: EventFilter): boolean {
  return 'or' in f && f.or.length === 0;
}

function and(items: readonly EventFilter[]): EventFilter {
  if (items.some(isFalse)) return FALSE;
  const rest = items.filter((i) => !isTrue(i)).flatMap((i) => ('and' in i ? i.and : [i]));
  return rest.length === 1 ? (rest[0] as EventFilter) : { and: rest };
}

function or(items: readonly EventFilter[]): EventFilter {
  if (items.some(isTrue)) return TRUE;
  const rest = items.filter((i) => !isFalse(i)).flatMap((i) => ('or' in i ? i.or : [i]));
  return rest.length === 1 ? (rest[0] as EventFilter) : { or: rest };
}

function not(f: EventFilter): EventFilter {
  if (isTrue(f)) return FALSE;
  if (isFalse(f)) return TRUE;
  return 'not' in f ? f.not : { not: f };
}
