// The search query language (docs/query-language.md): parser → typed query plan, a reference
// evaluator that is the executable spec for the store adapters' SQL, and conversion to core's EventFilter.
export { parseQuery } from './parse/parse-query.ts';
export type { ParseResult } from './parse/parse-query.ts';
export { QUERY_LIMITS } from './parse/query-limits.ts';
export { fieldNameProblem } from './parse/field-name.ts';
export { AGGREGATION_FNS, aggregationName } from './parse/parse-field-ref.ts';
export type * from './ast/query-expr.ts';
export type * from './ast/query-plan.ts';
export { executePlan } from './execute/execute-plan.ts';
export type { ExecuteOptions } from './execute/execute-plan.ts';
export { compileExpr } from './match/compile-expr.ts';
export type { Row, RowPredicate } from './match/compile-expr.ts';
export { compileWildcard } from './match/wildcard-match.ts';
export { foldCase } from './match/fold-case.ts';
export { compareValues, NUMERIC_TEXT, canonicalNumber } from './match/value-compare.ts';
export { parseTimeText } from './match/parse-time-text.ts';
export { parseCidr, cidrContains } from './net/cidr.ts';
export type { Cidr } from './net/cidr.ts';
export { parseIp, formatIp } from './net/ip-address.ts';
export { toEventFilter } from './filter/to-event-filter.ts';
export type { EventFilterResult } from './filter/to-event-filter.ts';
export { eventTimeBounds } from './filter/event-time-bounds.ts';
export type { EventTimeBounds } from './filter/event-time-bounds.ts';
export { formatExpr } from './format/format-expr.ts';
export { formatPlan } from './format/format-plan.ts';
