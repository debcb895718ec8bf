import type { Aggregation, SortKey, Stage } from '../ast/query-plan.ts';
import { parseDuration } from './duration.ts';
import { parseExpr } from './parse-expr.ts';
import type { FieldScope } from './parse-field-ref.ts';
import { aggregationName, isAggregationFn, parseFieldRef } from './parse-field-ref.ts';
import type { ParserState } from './parser-state.ts';
import { QUERY_LIMITS } from './query-limits.ts';
import type { Token } from './token.ts';

export const STAGE_NAMES = ['where', 'fields', 'sort', 'head', 'stats', 'timechart'] as const;

/** A parsed stage and the columns it leaves (undefined = unchanged). */
export interface StageResult {
  stage: Stage | undefined;
  columns: ReadonlySet<string> | undefined;
}

/**
 * Parses one stage after `|`. `columns` are the columns available (undefined while rows are events).
 * Returns the stage (undefined when it had problems) and the columns after it.
 */
export function parseStage(st: ParserState, columns: ReadonlySet<string> | undefined): StageResult {
  const scope: FieldScope = { aggRefs: true, columns };
  const t = st.next();
  const name = t.kind === 'word' ? t.value.toLowerCase() : '';
  const before = st.problems.length;
  let result: StageResult;
  switch (name) {
    case 'where': {
      const expr = parseExpr(st, scope);
      if (expr === undefined && st.problems.length === before)
        st.problem(st.peek().start, `expected a condition after "where", found ${st.describe(st.peek())}`);
      result = { stage: expr && { kind: 'where', expr, offset: t.start }, columns };
      break;
    }
    case 'fields':
      result = parseFields(st, t, scope);
      break;
    case 'sort':
      result = { stage: parseSort(st, t, scope), columns };
      break;
    case 'head':
      result = { stage: parseHead(st, t), columns };
      break;
    case 'stats':
    case 'timechart':
      result = parseAggregating(st, t, name, scope);
      break;
    default:
      st.problem(
        t.start,
        t.kind === 'word'
          ? `unknown command ${JSON.stringify(t.value)}; expected one of ${STAGE_NAMES.join(', ')}`
          : `expected a command after "|", found ${st.describe(t)}`,
      );
      result = { stage: undefined, columns };
  }
  const end = st.peek();
  if (end.kind !== 'pipe' && end.kind !== 'eof') {
    if (st.problems.length === before) {
      st.problem(end.start, `expected "|" or end of query after "${name}", found ${st.describe(end)}`);
    }
    // Recover at the next stage so later stages are checked too.
    while (st.peek().kind !== 'pipe' && st.peek().kind !== 'eof') st.next();
  }
  return st.problems.length === before ? result : { stage: undefined, columns: result.columns };
}

/** Reads `item (, item)*` using `read` for each item. */
function commaList<T>(st: ParserState, read: () => T | undefined, max: number, what: string): T[] {
  const items: T[] = [];
  for (;;) {
    const item = read();
    if (item !== undefined) items.push(item);
    if (items.length > max) st.problem(st.position, `at most ${max} ${what} are allowed`);
    if (st.peek().kind !== 'comma') return items;
    st.next();
  }
}

function readField(st: ParserState, scope: FieldScope): string | undefined {
  const t = st.peek();
  if (t.kind !== 'word') {
    st.problem(t.start, `expected a field name, found ${st.describe(t)}`);
    return undefined;
  }
  st.next();
  return parseFieldRef(st, t, scope);
}

function parseFields(st: ParserState, t: Token, scope: FieldScope): StageResult {
  const drop = st.peek().kind === 'minus';
  if (drop) st.next();
  const fields = commaList(st, () => readField(st, scope), 1000, 'fields');
  const columns = drop
    ? scope.columns && new Set([...scope.columns].filter((c) => !fields.includes(c)))
    : new Set(fields);
  return { stage: { kind: 'fields', mode: drop ? 'drop' : 'keep', fields, offset: t.start }, columns };
}

function parseSort(st: ParserState, t: Token, scope: FieldScope): Stage {
  const keys = commaList(
    st,
    (): SortKey | undefined => {
      const minus = st.peek().kind === 'minus' ? st.next() : undefined;
      const field = readField(st, scope);
      const dir = st.peek();
      const word = dir.kind === 'word' ? dir.value.toLowerCase() : '';
      let order: 'asc' | 'desc' = minus ? 'desc' : 'asc';
      if (word === 'asc' || word === 'desc') {
        st.next();
        if (minus !== undefined)
          st.problem(dir.start, `"-" already sorts descending; drop "${word}" or the "-"`);
        order = word;
      }
      return field === undefined ? undefined : { field, order };
    },
    QUERY_LIMITS.maxSortKeys,
    'sort keys',
  );
  return { kind: 'sort', keys, offset: t.start };
}

function parseHead(st: ParserState, t: Token): Stage | undefined {
  const n = st.peek();
  if (n.kind === 'eof' || n.kind === 'pipe') return { kind: 'head', count: 10, offset: t.start };
  st.next();
  const count = /^\d{1,6}$/.test(n.value) && n.kind === 'word' ? Number(n.value) : NaN;
  if (!(count >= 1 && count <= QUERY_LIMITS.maxHead)) {
    st.problem(
      n.start,
      `head takes a whole number from 1 to ${QUERY_LIMITS.maxHead}, found ${st.describe(n)}`,
    );
    return undefined;
  }
  return { kind: 'head', count, offset: t.start };
}

function parseAggregating(
  st: ParserState,
  t: Token,
  name: 'stats' | 'timechart',
  scope: FieldScope,
): StageResult {
  let span: { text: string; ms: number } | undefined;
  if (name === 'timechart') {
    if (scope.columns !== undefined && !scope.columns.has('@timestamp')) {
      st.problem(t.start, 'timechart needs @timestamp, which an earlier stage removed');
    }
    span = parseSpan(st);
  }
  const aggregations = commaList(
    st,
    () => parseAggregation(st, scope),
    QUERY_LIMITS.maxAggregations,
    'aggregations',
  );
  let by: string[] = [];
  const byWord = st.peek();
  if (byWord.kind === 'word' && byWord.value.toLowerCase() === 'by') {
    st.next();
    by = commaList(st, () => readField(st, scope), QUERY_LIMITS.maxGroupBy, 'group-by fields');
    if (name === 'timechart' && by.length > 1)
      st.problem(byWord.start, 'timechart takes at most one "by" field');
  }
  const names = new Set<string>(name === 'timechart' ? ['@timestamp'] : []);
  for (const b of by) names.add(b);
  for (const a of aggregations) {
    if (names.has(a.name))
      st.problem(t.start, `column ${JSON.stringify(a.name)} is produced twice; rename one with "as"`);
    names.add(a.name);
  }
  if (aggregations.length === 0) return { stage: undefined, columns: names };
  if (name === 'stats')
    return { stage: { kind: 'stats', aggregations, by, offset: t.start }, columns: names };
  if (span === undefined) return { stage: undefined, columns: names };
  const stage: Stage = { kind: 'timechart', spanMs: span.ms, span: span.text, aggregations, offset: t.start };
  if (by[0] !== undefined) stage.by = by[0];
  return { stage, columns: names };
}

function parseSpan(st: ParserState): { text: string; ms: number } | undefined {
  const w = st.peek();
  if (w.kind !== 'word' || w.value.toLowerCase() !== 'span') {
    st.problem(w.start, `expected span=<duration> after "timechart" (e.g. span=1h), found ${st.describe(w)}`);
    return undefined;
  }
  st.next();
  const eq = st.peek();
  if (eq.kind !== 'equals') {
    st.problem(eq.start, `expected "=" after "span", found ${st.describe(eq)}`);
    return undefined;
  }
  st.next();
  const d = st.peek();
  const ms = d.kind === 'word' ? parseDuration(d.value) : undefined;
  if (d.kind === 'word') st.next();
  if (ms === undefined) {
    st.problem(d.start, `expected a span such as 30s, 5m, 1h or 1d after "span=", found ${st.describe(d)}`);
    return undefined;
  }
  return { text: d.value, ms };
}

/** `fn(field) [as name]`; `count` alone means `count()`. */
function parseAggregation(st: ParserState, scope: FieldScope): Aggregation | undefined {
  const t = st.peek();
  const fn = t.kind === 'word' ? t.value.toLowerCase() : '';
  if (!isAggregationFn(fn)) {
    st.problem(t.start, `expected an aggregation (count, dc, sum, avg, min, max), found ${st.describe(t)}`);
    if (t.kind === 'word') st.next();
    return undefined;
  }
  st.next();
  let field: string | undefined;
  if (st.peek().kind === 'lparen') {
    const open = st.next();
    if (st.peek().kind === 'word') field = readField(st, scope);
    const close = st.peek();
    if (close.kind === 'rparen') st.next();
    else {
      st.problem(
        close.start,
        `expected ")" to close "${fn}(" opened at ${open.start}, found ${st.describe(close)}`,
      );
      return undefined;
    }
  } else if (fn !== 'count') {
    st.problem(st.peek().start, `expected "(" after "${fn}", found ${st.describe(st.peek())}`);
    return undefined;
  }
  if (fn !== 'count' && field === undefined) {
    st.problem(t.start, `${fn}() needs a field, e.g. ${fn}(user.name)`);
    return undefined;
  }
  let name = aggregationName(fn, field);
  const as = st.peek();
  if (as.kind === 'word' && as.value.toLowerCase() === 'as') {
    st.next();
    const alias = readField(st, { aggRefs: false, columns: undefined });
    if (alias === undefined) return undefined;
    name = alias;
  }
  return field === undefined ? { fn, name } : { fn, field, name };
}
