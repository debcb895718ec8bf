import type { SortKey } from '@vigil/query';
import type { SqlParams } from '../events/sql-params.ts';
import { fieldPathSql } from './sqlite-field-sql.ts';

/**
 * ORDER BY terms for sort keys with the evaluator's order: missing (absent, null, empty array) last in
 * both directions, then type rank numbers < strings < booleans < others, then the value (numbers
 * numerically, text by code point); an array sorts by its first element. Ties keep event-time order.
 */
export function orderBySql(keys: readonly SortKey[], params: SqlParams, doc = 'doc'): string {
  const terms = keys.flatMap((k) => {
    const dir = k.order === 'desc' ? 'DESC' : 'ASC';
    const path = fieldPathSql(k.field, params, doc);
    const first = `(CASE WHEN json_type(${doc}, ${path}) = 'array' THEN ${path} || '[0]' ELSE ${path} END)`;
    const type = `json_type(${doc}, ${first})`;
    return [
      `(coalesce(${type}, 'null') = 'null') ASC`,
      `(CASE ${type} WHEN 'integer' THEN 0 WHEN 'real' THEN 0 WHEN 'text' THEN 1 WHEN 'true' THEN 2 WHEN 'false' THEN 2 ELSE 3 END) ${dir}`,
      `json_extract(${doc}, ${first}) ${dir}`,
    ];
  });
  return [...terms, 'ts ASC', 'id ASC', 'space ASC'].join(', ');
}

/** Compound SELECTs are capped (500 terms by default): nest them in chunks. */
export function unionAll(branches: readonly string[]): string {
  const CHUNK = 200;
  if (branches.length <= CHUNK) return branches.join(' UNION ALL ');
  const chunks: string[] = [];
  for (let i = 0; i < branches.length; i += CHUNK) {
    chunks.push(`SELECT * FROM (${branches.slice(i, i + CHUNK).join(' UNION ALL ')})`);
  }
  return unionAll(chunks);
}
