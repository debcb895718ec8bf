import type { Problem } from '@vigil/core';
import { conditionOperators } from './correlation-rule.ts';
import type {
  ConditionOperator,
  CorrelationCondition,
  CorrelationRule,
  CorrelationType,
} from './correlation-rule.ts';
import type { WindowTest } from './correlation-window.ts';

const valueTypes: ReadonlySet<CorrelationType> = new Set([
  'value_count',
  'value_sum',
  'value_avg',
  'value_percentile',
]);
const allowedKeys: ReadonlySet<string> = new Set([...conditionOperators, 'field', 'percentile']);

/** True when `type` aggregates a field named in `condition.field`. */
export function usesField(type: CorrelationType): boolean {
  return valueTypes.has(type);
}

function isOperator(key: string): key is ConditionOperator {
  return (conditionOperators as readonly string[]).includes(key);
}

function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/**
 * Parses a correlation `condition` map, e.g. `{gte: 100}` or `{field: User, gt: 100, lte: 200}`.
 * `ruleCount` gives temporal types their default (`gte` the number of referenced rules).
 */
export function parseCondition(
  raw: unknown,
  type: CorrelationType,
  ruleCount: number,
  where: string,
): { condition?: CorrelationCondition; problems: Problem[] } {
  const problems: Problem[] = [];
  const at = `${where}: correlation.condition`;
  const temporal = type === 'temporal' || type === 'temporal_ordered';
  if (raw === undefined || raw === null) {
    if (temporal) return { condition: { ops: { gte: ruleCount }, fields: [] }, problems };
    problems.push({ where, message: `correlation.condition is required for ${type} correlations` });
    return { problems };
  }
  if (typeof raw === 'string') {
    problems.push({
      where: at,
      message: 'extended (string) correlation conditions are not supported; use a map such as {gte: 2}',
    });
    return { problems };
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push({ where: at, message: 'must be a map of operators (gt, gte, lt, lte, eq, neq)' });
    return { problems };
  }
  const ops: Partial<Record<ConditionOperator, number>> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!allowedKeys.has(key)) {
      problems.push({
        where: at,
        message: `unknown key '${key}' (expected gt, gte, lt, lte, eq, neq, field, percentile)`,
      });
    } else if (isOperator(key)) {
      const n = toNumber(value);
      if (n === undefined)
        problems.push({ where: `${at}.${key}`, message: `${JSON.stringify(value)} is not a number` });
      else ops[key] = n;
    }
  }
  const map = raw as Record<string, unknown>;
  if (Object.keys(ops).length === 0 && !problems.some((p) => p.where.startsWith(`${at}.`))) {
    problems.push({ where: at, message: 'needs at least one operator: gt, gte, lt, lte, eq or neq' });
  }
  const fields = parseFields(map['field'], type, at, problems);
  const percentile = parsePercentile(map['percentile'], type, at, problems);
  if (Object.keys(ops).length > 0 && neverTrue(ops)) {
    problems.push({ where: at, message: `range ${JSON.stringify(ops)} can never be satisfied` });
  }
  if (problems.length > 0) return { problems };
  const condition: CorrelationCondition = { ops, fields };
  if (type === 'value_percentile') condition.percentile = percentile ?? 50;
  return { condition, problems };
}

function parseFields(raw: unknown, type: CorrelationType, at: string, problems: Problem[]): string[] {
  if (!usesField(type)) {
    if (raw !== undefined)
      problems.push({ where: `${at}.field`, message: `field is not used by ${type} correlations` });
    return [];
  }
  if (raw === undefined || raw === null) {
    problems.push({
      where: at,
      message: `${type} correlations need condition.field (the field to aggregate)`,
    });
    return [];
  }
  const list = Array.isArray(raw) ? (raw as unknown[]) : [raw];
  if (list.length === 0 || list.some((f) => typeof f !== 'string' || f === '')) {
    problems.push({ where: `${at}.field`, message: 'must be a field name or a list of field names' });
    return [];
  }
  if (list.length > 1 && type !== 'value_count') {
    problems.push({ where: `${at}.field`, message: `${type} aggregates exactly one field` });
    return [];
  }
  return list as string[];
}

function parsePercentile(
  raw: unknown,
  type: CorrelationType,
  at: string,
  problems: Problem[],
): number | undefined {
  if (raw === undefined) return undefined;
  if (type !== 'value_percentile') {
    problems.push({
      where: `${at}.percentile`,
      message: `percentile is only used by value_percentile correlations`,
    });
    return undefined;
  }
  const n = toNumber(raw);
  if (n === undefined || n < 0 || n > 100) {
    problems.push({
      where: `${at}.percentile`,
      message: `${JSON.stringify(raw)} is not a percentile between 0 and 100`,
    });
    return undefined;
  }
  return n;
}

/** Detects contradictory ranges such as `{gt: 200, lt: 100}`. */
function neverTrue(ops: Partial<Record<ConditionOperator, number>>): boolean {
  let low = -Infinity;
  let lowStrict = false;
  let high = Infinity;
  let highStrict = false;
  const raise = (v: number, strict: boolean): void => {
    if (v > low || (v === low && strict)) [low, lowStrict] = [v, strict];
  };
  const lower = (v: number, strict: boolean): void => {
    if (v < high || (v === high && strict)) [high, highStrict] = [v, strict];
  };
  if (ops.gt !== undefined) raise(ops.gt, true);
  if (ops.gte !== undefined) raise(ops.gte, false);
  if (ops.lt !== undefined) lower(ops.lt, true);
  if (ops.lte !== undefined) lower(ops.lte, false);
  if (ops.eq !== undefined) {
    raise(ops.eq, false);
    lower(ops.eq, false);
    if (ops.neq === ops.eq) return true;
  }
  return low > high || (low === high && (lowStrict || highStrict));
}

/** True when every operator of the condition holds for `value`. */
export function conditionHolds(ops: Partial<Record<ConditionOperator, number>>, value: number): boolean {
  if (ops.gt !== undefined && !(value > ops.gt)) return false;
  if (ops.gte !== undefined && !(value >= ops.gte)) return false;
  if (ops.lt !== undefined && !(value < ops.lt)) return false;
  if (ops.lte !== undefined && !(value <= ops.lte)) return false;
  if (ops.eq !== undefined && value !== ops.eq) return false;
  if (ops.neq !== undefined && value === ops.neq) return false;
  return true;
}

/**
 * True when a hit can be decided as soon as the condition becomes true: the aggregate only
 * grows as matches are added (counts, distinct values, rules seen, sums of non-negative values)
 * and the condition only has lower bounds. Otherwise (an upper bound, eq/neq, avg, percentile)
 * a later match in the same window could make it false again, so the window must be complete.
 */
export function decidesEagerly(type: CorrelationType, condition: CorrelationCondition): boolean {
  if (type === 'value_avg' || type === 'value_percentile') return false;
  const { ops } = condition;
  return ops.lt === undefined && ops.lte === undefined && ops.eq === undefined && ops.neq === undefined;
}

/** The test of a window's metric against the rule's condition. */
export function windowTest(rule: CorrelationRule): WindowTest {
  const { ops, percentile } = rule.condition;
  const eager = decidesEagerly(rule.type, rule.condition);
  return (agg, entries, from, to) => {
    // The ordered chain is never longer than the number of distinct rules seen: skip the scan.
    if (rule.type === 'temporal_ordered' && eager && !conditionHolds(ops, agg.distinctRules())) return false;
    const value = agg.metric(entries, from, to, percentile);
    return !Number.isNaN(value) && conditionHolds(ops, value);
  };
}
