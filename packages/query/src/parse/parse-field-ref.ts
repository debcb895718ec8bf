import type { AggregationFn } from '../ast/query-plan.ts';
import { fieldNameProblem } from './field-name.ts';
import type { ParserState } from './parser-state.ts';
import type { Token } from './token.ts';

export const AGGREGATION_FNS: readonly AggregationFn[] = ['count', 'dc', 'sum', 'avg', 'min', 'max'];

export function isAggregationFn(name: string): name is AggregationFn {
  return (AGGREGATION_FNS as readonly string[]).includes(name);
}

/** The default output name of an aggregation: its call text, `count()` or `dc(user.name)`. */
export function aggregationName(fn: AggregationFn, field: string | undefined): string {
  return `${fn}(${field ?? ''})`;
}

/** What a pipeline stage may reference: the columns known at that point (undefined = event fields). */
export interface FieldScope {
  /** Allow `count()`, `dc(f)`… as column names. */
  aggRefs: boolean;
  columns: ReadonlySet<string> | undefined;
}

/**
 * Reads a field reference whose first token `t` was just consumed: a dotted field name, or (in
 * stages) an aggregation column such as `count()`. Reports and returns undefined when invalid.
 */
export function parseFieldRef(st: ParserState, t: Token, scope: FieldScope): string | undefined {
  let name: string | undefined;
  if (t.kind !== 'word') {
    st.problem(t.start, `expected a field name, found ${st.describe(t)}`);
    return undefined;
  }
  const fn = t.value.toLowerCase();
  if (scope.aggRefs && isAggregationFn(fn) && st.src.charAt(t.end) === '(') {
    st.next();
    const inner = st.peek();
    let field: string | undefined;
    if (inner.kind === 'word') {
      st.next();
      const problem = fieldNameProblem(inner.value);
      if (problem !== undefined) st.problem(inner.start, problem);
      field = inner.value;
    }
    const close = st.peek();
    if (close.kind !== 'rparen') {
      st.problem(
        close.start,
        `expected ")" to close "${fn}(" opened at ${t.start}, found ${st.describe(close)}`,
      );
      return undefined;
    }
    st.next();
    name = aggregationName(fn, field);
    if (scope.columns === undefined) {
      st.problem(
        t.start,
        `${name} is not a column here: aggregation columns exist only after stats or timechart`,
      );
      return undefined;
    }
  } else {
    const problem = t.escaped ? 'field names cannot contain escapes' : fieldNameProblem(t.value);
    if (problem !== undefined) {
      st.problem(t.start, problem);
      return undefined;
    }
    name = t.value;
  }
  if (scope.columns !== undefined && !scope.columns.has(name)) {
    const known = [...scope.columns].join(', ');
    st.problem(
      t.start,
      `unknown column ${JSON.stringify(name)} at this point; available: ${known || 'none'}`,
    );
    return undefined;
  }
  return name;
}
