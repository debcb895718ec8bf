import type { Bound, CmpOp, QueryExpr, RangeEnd } from '../ast/query-expr.ts';
import { parseCidr } from '../net/cidr.ts';
import { boundKind, classifyBound } from './classify-bound.ts';
import type { ParserState } from './parser-state.ts';
import type { Token } from './token.ts';
import { keywordOf } from './token.ts';

const CMP_OPS: Record<string, CmpOp> = { '>': 'gt', '>=': 'gte', '<': 'lt', '<=': 'lte' };

/** After `field:`: a value, `*`, a range `[a TO b]`, a list `(a OR b)`, or `>=v` (shorthand for `field >= v`). */
export function parseFieldValue(st: ParserState, field: string, offset: number): QueryExpr | undefined {
  const v = st.peekValue();
  if (v.kind === 'lparen') return parseList(st, field, offset);
  if (v.kind === 'lbracket' || v.kind === 'lbrace') return parseRange(st, field, offset);
  if (v.kind === 'word' && !v.escaped && /^[<>]/.test(v.value)) {
    const op =
      v.value.startsWith('>=') || v.value.startsWith('<=') ? v.value.slice(0, 2) : v.value.slice(0, 1);
    st.seek(v.start + op.length);
    return parseComparison(st, field, op, offset);
  }
  if (v.kind !== 'word' && v.kind !== 'string') {
    st.problem(v.start, `expected a value after "${field}:", found ${st.describe(v)}`);
    return undefined;
  }
  st.nextValue();
  st.countTerm(v.start);
  return valueCondition(field, v, offset);
}

/** `field:v`: `*` → exists, wildcards → wildcard, `addr/len` → cidr, otherwise equality. */
function valueCondition(field: string, v: Token, offset: number): QueryExpr {
  const wild = v.parts.filter((p) => typeof p !== 'string');
  if (wild.length === 1 && v.parts.length === 1 && wild[0]?.wildcard === '*')
    return { kind: 'exists', field, offset };
  if (wild.length > 0) return { kind: 'wildcard', field, pattern: v.parts, offset };
  const cidr = v.value.includes('/') ? parseCidr(v.value) : undefined;
  if (cidr !== undefined) {
    return { kind: 'cidr', field, network: cidr.network, family: cidr.family, prefix: cidr.prefix, offset };
  }
  return { kind: 'eq', field, value: v.value, offset };
}

/** `field:(a OR b OR c)`: plain values become `in`; wildcards or CIDRs make an OR of conditions. */
function parseList(st: ParserState, field: string, offset: number): QueryExpr | undefined {
  const open = st.nextValue();
  const items: QueryExpr[] = [];
  for (;;) {
    const v = st.peekValue();
    if (v.kind === 'word' || v.kind === 'string') {
      st.nextValue();
      st.countTerm(v.start);
      items.push(valueCondition(field, v, v.start));
    } else {
      const what = items.length === 0 ? `a value inside "${field}:("` : 'a value after "OR"';
      st.problem(v.start, `expected ${what}, found ${st.describe(v)}`);
      if (v.kind === 'rparen') st.nextValue();
      break;
    }
    const sep = st.peekValue();
    if (sep.kind === 'rparen') {
      st.nextValue();
      break;
    }
    const kw = keywordOf(sep);
    if (kw === 'OR') {
      st.nextValue();
      continue;
    }
    if (sep.kind === 'eof' || sep.kind === 'pipe') {
      st.problem(sep.start, `expected ")" to close "(" opened at ${open.start}, found ${st.describe(sep)}`);
      break;
    }
    if (kw === 'AND' || kw === 'NOT') {
      st.nextValue();
      st.problem(sep.start, `only OR may join the values of "${field}:(…)", found "${kw}"`);
      continue;
    }
    st.problem(
      sep.start,
      `expected "OR" or ")" in the value list opened at ${open.start}, found ${st.describe(sep)}`,
    );
    if (sep.kind !== 'word' && sep.kind !== 'string') {
      st.nextValue();
      break;
    }
  }
  if (items.length === 0) return undefined;
  if (items.length === 1) return items[0];
  if (items.every((i) => i.kind === 'eq')) {
    return { kind: 'in', field, values: items.map((i) => (i.kind === 'eq' ? i.value : '')), offset };
  }
  return { kind: 'or', items };
}

/** `field:[lo TO hi]` inclusive, `{lo TO hi}` exclusive, mixed allowed; `*` leaves a side open. */
function parseRange(st: ParserState, field: string, offset: number): QueryExpr | undefined {
  const open = st.nextValue();
  const lower = readBound(st, 'a lower bound');
  const to = st.peekValue();
  if (keywordOf(to) === 'TO') st.nextValue();
  else st.problem(to.start, `expected "TO" in the range opened at ${open.start}, found ${st.describe(to)}`);
  // Without TO, a following value is still read as the upper bound so the rest parses normally.
  const hasUpper = keywordOf(to) === 'TO' || to.kind === 'word' || to.kind === 'string';
  const upper = hasUpper ? readBound(st, 'an upper bound') : null;
  const close = st.peekValue();
  if (close.kind === 'rbracket' || close.kind === 'rbrace') st.nextValue();
  else
    st.problem(
      close.start,
      `expected "]" or "}" to close the range opened at ${open.start}, found ${st.describe(close)}`,
    );
  st.countTerm(open.start);
  if (lower === null || upper === null) return undefined;
  if (lower !== undefined && upper !== undefined) {
    if (boundKind(lower) !== boundKind(upper)) {
      st.problem(
        open.start,
        `range bounds must both be numbers, times or strings; found ${boundKind(lower)} and ${boundKind(upper)}`,
      );
      return undefined;
    }
    const lo = absolute(lower);
    const hi = absolute(upper);
    if (lo !== undefined && hi !== undefined && lo > hi) {
      st.problem(
        open.start,
        `empty range: lower bound ${JSON.stringify(lower.text)} is above upper bound ${JSON.stringify(upper.text)}`,
      );
      return undefined;
    }
  }
  if (lower === undefined && upper === undefined) return { kind: 'exists', field, offset };
  const node: { kind: 'range'; field: string; lower?: RangeEnd; upper?: RangeEnd; offset: number } = {
    kind: 'range',
    field,
    offset,
  };
  if (lower !== undefined) node.lower = { value: lower, inclusive: open.kind === 'lbracket' };
  if (upper !== undefined) node.upper = { value: upper, inclusive: close.kind !== 'rbrace' };
  return node;
}

function absolute(b: Bound): number | string | undefined {
  if (b.type === 'number') return b.value;
  if (b.type === 'time') return b.ms;
  return b.type === 'string' ? b.value : undefined;
}

/** A range bound: undefined for `*` (open), null when invalid (already reported). */
function readBound(st: ParserState, what: string): Bound | undefined | null {
  const v = st.peekValue();
  if (v.kind !== 'word' && v.kind !== 'string') {
    st.problem(v.start, `expected ${what}, found ${st.describe(v)}`);
    return null;
  }
  if (keywordOf(v) === 'TO') {
    st.problem(v.start, `expected ${what}, found "TO"`);
    return null;
  }
  st.nextValue();
  if (v.parts.length === 1 && typeof v.parts[0] === 'object' && v.parts[0].wildcard === '*') return undefined;
  return toBound(st, v);
}

function toBound(st: ParserState, v: Token): Bound | null {
  if (v.parts.some((p) => typeof p !== 'string')) {
    st.problem(v.start, `wildcards cannot be compared; escape them as \\* and \\? to mean the characters`);
    return null;
  }
  const bound = classifyBound(v.value);
  if (typeof bound === 'string') {
    st.problem(v.start, bound);
    return null;
  }
  return bound;
}

/** `field > v`, `field >= v`, `field < v`, `field <= v`. */
export function parseComparison(
  st: ParserState,
  field: string,
  op: string,
  offset: number,
): QueryExpr | undefined {
  const v = st.peekValue();
  if (v.kind !== 'word' && v.kind !== 'string') {
    st.problem(v.start, `expected a value to compare with after "${op}", found ${st.describe(v)}`);
    return undefined;
  }
  st.nextValue();
  st.countTerm(v.start);
  const bound = toBound(st, v);
  const cmp = CMP_OPS[op];
  if (bound === null || cmp === undefined) return undefined;
  return { kind: 'cmp', field, op: cmp, value: bound, offset };
}
