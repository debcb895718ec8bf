import type { CorrelationRule } from './correlation-rule.ts';
import { numericValue, valueKey } from './group-key.ts';

/** What a correlation reads from one match: its group and the value it contributes. */
export type MatchValues =
  | {
      group: Record<string, unknown>;
      groupKey: string;
      /** value_count: the distinct-value key; value_sum/avg/percentile: the number; else undefined. */
      value: string | number | undefined;
    }
  | { missing: 'group-by' | 'value' };

/**
 * Reads the group-by values and the aggregated field of a match of the rule known by `refs`
 * (its id and name), resolving aliases. A missing group-by field (undefined or null) or a
 * missing/non-numeric value field means the match does not count for this correlation.
 */
export function readMatchValues(
  rule: CorrelationRule,
  refs: readonly string[],
  read: (field: string) => unknown,
): MatchValues {
  const group: Record<string, unknown> = {};
  const parts: string[] = [];
  for (const name of rule.groupBy) {
    const value = read(resolveField(rule, name, refs));
    const key = valueKey(value);
    if (key === undefined) return { missing: 'group-by' };
    group[name] = value;
    parts.push(key);
  }
  const groupKey = JSON.stringify(parts);
  const { fields } = rule.condition;
  switch (rule.type) {
    case 'value_count': {
      const keys: string[] = [];
      for (const f of fields) {
        const key = valueKey(read(resolveField(rule, f, refs)));
        if (key === undefined) return { missing: 'value' };
        keys.push(key);
      }
      return { group, groupKey, value: keys.length === 1 ? keys[0] : JSON.stringify(keys) };
    }
    case 'value_sum':
    case 'value_avg':
    case 'value_percentile': {
      const field = fields[0];
      const value = field === undefined ? undefined : numericValue(read(resolveField(rule, field, refs)));
      return value === undefined ? { missing: 'value' } : { group, groupKey, value };
    }
    case 'event_count':
    case 'temporal':
    case 'temporal_ordered':
      return { group, groupKey, value: undefined };
  }
}

/** The field to read for field or alias `name` in a match of the rule known by `refs`. */
function resolveField(rule: CorrelationRule, name: string, refs: readonly string[]): string {
  const alias = rule.aliases[name];
  if (alias === undefined) return name;
  for (const ref of refs) {
    const field = alias[ref];
    if (field !== undefined) return field;
  }
  // A referenced rule the alias does not map: its events are read under the alias name itself.
  return name;
}
