import type { SortKey } from '@vigil/query';
import type { PgParams } from '../events/pg-params.ts';
import { fieldValueSql } from './pg-field-sql.ts';

/**
 * ORDER BY terms with the evaluator's order: missing (absent, null, empty array) last in both
 * directions, then type rank numbers < strings < booleans < others, then the value (numbers
 * numerically, strings by code point via COLLATE "C"); an array sorts by its first element. Ties keep
 * event-time order.
 */
export function orderBySql(keys: readonly SortKey[], params: PgParams, doc = 'doc'): string {
  const terms = keys.flatMap((k) => {
    const dir = k.order === 'desc' ? 'DESC' : 'ASC';
    const value = fieldValueSql(k.field, params, doc);
    const first = `(CASE WHEN jsonb_typeof(${value}) = 'array' THEN ${value} -> 0 ELSE ${value} END)`;
    const type = `jsonb_typeof(${first})`;
    return [
      `(coalesce(${type}, 'null') = 'null') ASC`,
      `(CASE ${type} WHEN 'number' THEN 0 WHEN 'string' THEN 1 WHEN 'boolean' THEN 2 ELSE 3 END) ${dir}`,
      `(CASE WHEN ${type} = 'number' THEN (${first})::numeric END) ${dir}`,
      `(CASE WHEN ${type} = 'string' THEN ${first} #>> '{}' END) COLLATE "C" ${dir}`,
      `(CASE WHEN ${type} IN ('boolean', 'object', 'array') THEN (${first})::text END) COLLATE "C" ${dir}`,
    ];
  });
  return [...terms, 'ts ASC', 'id ASC', 'space_id ASC'].join(', ');
}
