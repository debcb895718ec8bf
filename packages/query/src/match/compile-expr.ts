import { getField } from '@vigil/core';
import type { Bound, CmpOp, QueryExpr, WildcardPart } from '../ast/query-expr.ts';
import { cidrContains, parseCidr } from '../net/cidr.ts';
import { foldCase } from './fold-case.ts';
import { canonicalNumber, elements, isPresent, toNumber, toTime } from './value-compare.ts';
import { compileWildcard } from './wildcard-match.ts';

export type Row = Record<string, unknown>;
export type RowPredicate = (row: Row) => boolean;

/** How deep free text looks inside `raw` (vendor documents are shallow; this bounds hostile input). */
const MAX_RAW_DEPTH = 32;

/**
 * Compiles a condition into a predicate over rows (events or stage output). This is the executable
 * specification of every operator; store adapters' SQL must agree with it.
 * `now` (epoch ms) resolves `now-1h` style bounds.
 */
export function compileExpr(expr: QueryExpr, now: number): RowPredicate {
  switch (expr.kind) {
    case 'all':
      return () => true;
    case 'and': {
      const items = expr.items.map((i) => compileExpr(i, now));
      return (row) => items.every((p) => p(row));
    }
    case 'or': {
      const items = expr.items.map((i) => compileExpr(i, now));
      return (row) => items.some((p) => p(row));
    }
    case 'not': {
      const item = compileExpr(expr.item, now);
      return (row) => !item(row);
    }
    case 'eq':
      return anyElement(expr.field, equalsAny([expr.value]));
    case 'in':
      return anyElement(expr.field, equalsAny(expr.values));
    case 'wildcard': {
      const m = compileWildcard(expr.pattern);
      return anyElement(expr.field, (v) => (typeof v === 'string' ? m(v) : isScalar(v) && m(String(v))));
    }
    case 'cidr': {
      const cidr = parseCidr(expr.network);
      if (cidr === undefined) return () => false;
      return anyElement(expr.field, (v) => typeof v === 'string' && cidrContains(cidr, v));
    }
    case 'cmp':
      return anyElement(expr.field, compareTo(expr.op, expr.value, now));
    case 'range': {
      const lo = expr.lower && compareTo(expr.lower.inclusive ? 'gte' : 'gt', expr.lower.value, now);
      const hi = expr.upper && compareTo(expr.upper.inclusive ? 'lte' : 'lt', expr.upper.value, now);
      // Both bounds must hold for the same element, as in `x:[1 TO 5]` over [0, 9] → no match.
      return anyElement(expr.field, (v) => (lo === undefined || lo(v)) && (hi === undefined || hi(v)));
    }
    case 'exists':
      return (row) => isPresent(getField(row, expr.field));
    case 'text':
      return textPredicate(expr.pattern);
    default:
      return unreachable(expr);
  }
}

function unreachable(x: never): never {
  throw new TypeError(`unknown condition ${JSON.stringify(x)}`);
}

function isScalar(v: unknown): v is number | boolean {
  return typeof v === 'number' || typeof v === 'boolean';
}

function anyElement(field: string, test: (v: unknown) => boolean): RowPredicate {
  return (row) => elements(getField(row, field)).some(test);
}

/**
 * Equality with any of the literals: strings case-insensitively; a number when the literal is its
 * canonical decimal text; a boolean when the literal is `true`/`false` in any case.
 */
function equalsAny(literals: readonly string[]): (v: unknown) => boolean {
  const folded = new Set(literals.map(foldCase));
  const numbers = new Set(literals.map(canonicalNumber).filter((n) => n !== undefined));
  return (v) => {
    if (typeof v === 'string') return folded.has(foldCase(v));
    if (typeof v === 'number') return numbers.has(v);
    if (typeof v === 'boolean') return folded.has(String(v));
    return false;
  };
}

/**
 * `value op bound`: numbers compare with numbers and numeric strings; times with ISO-8601 strings
 * (zone-less = UTC) and epoch-ms numbers; strings with strings by UTF-16 code units.
 */
function compareTo(op: CmpOp, bound: Bound, now: number): (v: unknown) => boolean {
  const holds = (c: number) => (op === 'gt' ? c > 0 : op === 'gte' ? c >= 0 : op === 'lt' ? c < 0 : c <= 0);
  switch (bound.type) {
    case 'number':
      return (v) => {
        const n = toNumber(v);
        return n !== undefined && holds(n - bound.value);
      };
    case 'time':
    case 'now': {
      const ms = bound.type === 'time' ? bound.ms : now + bound.offsetMs;
      return (v) => {
        const t = toTime(v);
        return t !== undefined && holds(t - ms);
      };
    }
    case 'string':
      return (v) => typeof v === 'string' && holds(v < bound.value ? -1 : v > bound.value ? 1 : 0);
    default:
      return unreachable(bound);
  }
}

/** Free text: a case-insensitive substring (wildcards allowed) of `message` or any string under `raw`. */
function textPredicate(pattern: readonly WildcardPart[]): RowPredicate {
  const only = pattern.length === 1 ? pattern[0] : undefined;
  const needle = typeof only === 'string' ? foldCase(only) : undefined;
  const wild = needle === undefined ? compileWildcard(pattern, true) : undefined;
  const test = (s: string) =>
    needle !== undefined ? foldCase(s).includes(needle) : (wild as (v: string) => boolean)(s);
  return (row) => {
    const message = row['message'];
    if (typeof message === 'string' && test(message)) return true;
    return anyString(row['raw'], test, 0);
  };
}

function anyString(value: unknown, test: (s: string) => boolean, depth: number): boolean {
  if (typeof value === 'string') return test(value);
  if (depth >= MAX_RAW_DEPTH || value === null || typeof value !== 'object') return false;
  const children = Array.isArray(value)
    ? (value as unknown[])
    : Object.values(value as Record<string, unknown>);
  return children.some((c) => anyString(c, test, depth + 1));
}
