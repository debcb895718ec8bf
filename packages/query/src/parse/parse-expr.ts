import type { QueryExpr } from '../ast/query-expr.ts';
import { combine } from './combine.ts';
import { parseComparison, parseFieldValue } from './parse-field-value.ts';
import type { FieldScope } from './parse-field-ref.ts';
import { isAggregationFn, parseFieldRef } from './parse-field-ref.ts';
import type { ParserState } from './parser-state.ts';
import type { Token } from './token.ts';
import { keywordOf } from './token.ts';

/**
 * Parses a boolean search expression up to `|` or the end: OR of ANDs of NOTs of terms, where
 * adjacent terms are joined by an implicit AND (precedence NOT > AND > OR). Returns undefined when
 * no term was found (an empty search); problems go to `st`.
 */
export function parseExpr(st: ParserState, scope: FieldScope): QueryExpr | undefined {
  return parseOr(st, scope, 0, false);
}

function atEnd(t: Token, inParens: boolean): boolean {
  return t.kind === 'eof' || t.kind === 'pipe' || (inParens && t.kind === 'rparen');
}

function parseOr(st: ParserState, scope: FieldScope, depth: number, inParens: boolean) {
  const items: QueryExpr[] = [];
  const first = parseAnd(st, scope, depth, inParens);
  if (first !== undefined) items.push(first);
  while (keywordOf(st.peek()) === 'OR') {
    const or = st.next();
    if (items.length === 0) st.problem(or.start, `expected a search term before "OR"`);
    if (atEnd(st.peek(), inParens) || keywordOf(st.peek()) === 'OR') {
      st.problem(st.peek().start, `expected a search term after "OR", found ${st.describe(st.peek())}`);
      continue;
    }
    const next = parseAnd(st, scope, depth, inParens);
    if (next !== undefined) items.push(next);
  }
  return combine('or', items);
}

function parseAnd(st: ParserState, scope: FieldScope, depth: number, inParens: boolean) {
  const items: QueryExpr[] = [];
  for (;;) {
    const t = st.peek();
    if (atEnd(t, inParens)) break;
    if (t.kind === 'rparen') {
      st.problem(t.start, `unexpected ")" without a matching "("`);
      st.next();
      continue;
    }
    const kw = keywordOf(t);
    if (kw === 'OR') break;
    if (kw === 'AND') {
      st.next();
      if (items.length === 0) st.problem(t.start, `expected a search term before "AND"`);
      const after = st.peek();
      if (atEnd(after, inParens) || keywordOf(after) === 'OR' || keywordOf(after) === 'AND') {
        st.problem(after.start, `expected a search term after "AND", found ${st.describe(after)}`);
      }
      continue;
    }
    const item = parseNot(st, scope, depth, inParens);
    if (item !== undefined) items.push(item);
  }
  return combine('and', items);
}

function parseNot(
  st: ParserState,
  scope: FieldScope,
  depth: number,
  inParens: boolean,
): QueryExpr | undefined {
  const t = st.peek();
  if (keywordOf(t) !== 'NOT' && t.kind !== 'minus') return parsePrimary(st, scope, depth);
  st.next();
  st.checkDepth(depth + 1, t.start);
  const after = st.peek();
  const kw = keywordOf(after);
  if (atEnd(after, inParens) || kw === 'AND' || kw === 'OR') {
    const what = t.kind === 'minus' ? '"-"' : '"NOT"';
    st.problem(after.start, `expected a search term after ${what}, found ${st.describe(after)}`);
    return undefined;
  }
  const item = parseNot(st, scope, depth + 1, inParens);
  return item === undefined ? undefined : { kind: 'not', item };
}

function parsePrimary(st: ParserState, scope: FieldScope, depth: number): QueryExpr | undefined {
  const t = st.peek();
  if (t.kind === 'lparen') {
    st.next();
    st.checkDepth(depth + 1, t.start);
    if (st.peek().kind === 'rparen') {
      st.problem(st.peek().start, `expected a search term inside "(" opened at ${t.start}, found ")"`);
      st.next();
      return undefined;
    }
    const inner = parseOr(st, scope, depth + 1, true);
    const close = st.peek();
    if (close.kind === 'rparen') st.next();
    else
      st.problem(close.start, `expected ")" to close "(" opened at ${t.start}, found ${st.describe(close)}`);
    return inner;
  }
  if (t.kind === 'word' || t.kind === 'string') return parseTerm(st, scope);
  st.next();
  if (t.kind === 'colon') st.problem(t.start, `expected a field name before ":"`);
  else st.problem(t.start, `expected a search term, found ${st.describe(t)}`);
  return undefined;
}

/** `field:value`, `field >= value`, or free text. */
function parseTerm(st: ParserState, scope: FieldScope): QueryExpr | undefined {
  const t = st.next();
  const isAggRef =
    scope.aggRefs &&
    t.kind === 'word' &&
    isAggregationFn(t.value.toLowerCase()) &&
    st.src.charAt(t.end) === '(';
  const after = isAggRef ? undefined : st.peek();
  if (isAggRef || after?.kind === 'colon' || after?.kind === 'cmp' || after?.kind === 'equals') {
    if (t.kind === 'string') {
      st.problem(t.start, 'field names are written without quotes');
      st.next();
      return undefined;
    }
    const field = parseFieldRef(st, t, scope);
    const op = st.peek();
    if (op.kind === 'colon') {
      st.next();
      return field === undefined ? skipValue(st) : parseFieldValue(st, field, t.start);
    }
    if (op.kind === 'cmp') {
      st.next();
      return field === undefined ? skipValue(st) : parseComparison(st, field, op.value, t.start);
    }
    if (op.kind === 'equals') {
      st.next();
      st.problem(op.start, `use ":" for equality (field:value), or >, >=, <, <= to compare; found "="`);
      return skipValue(st);
    }
    st.problem(op.start, `expected ":" or a comparison after the column, found ${st.describe(op)}`);
    return undefined;
  }
  st.countTerm(t.start);
  if (t.parts.length === 0) {
    st.problem(t.start, 'expected search text, found an empty string');
    return undefined;
  }
  if (t.parts.length === 1 && typeof t.parts[0] === 'object' && t.parts[0].wildcard === '*')
    return { kind: 'all' };
  return { kind: 'text', pattern: t.parts, offset: t.start };
}

/** Consumes the value after an invalid field so parsing resumes at the next term. */
function skipValue(st: ParserState): undefined {
  const v = st.peekValue();
  if (v.kind === 'word' || v.kind === 'string') st.nextValue();
  return undefined;
}
