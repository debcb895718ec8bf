import { FIELD_PATH_PATTERN, userError } from '@vigil/core';
import type { SqlParams } from '../events/sql-params.ts';
import { extractedField } from '../events/extracted-columns.ts';

/** Fields with more segments than this resolve nested-only (2^(n-1) flat/nested splittings). */
const MAX_EXACT_SEGMENTS = 5;

/**
 * SQL for the JSON path of a field in `doc`, resolved as core's `getField` does: at each object
 * level the whole remaining dotted key wins, else the longest dotted key that exists, so
 * `{"event.code": 1}` and `{"event": {"code": 1}}` both answer `event.code`. The result is a path
 * text (bound parameters chosen by CASE) or NULL when the field is missing; `json_each(doc, NULL)` is
 * empty. Paths longer than MAX_EXACT_SEGMENTS try the flat key then the nested path only.
 */
export function fieldPathSql(field: string, params: SqlParams, doc = 'doc'): string {
  if (!FIELD_PATH_PATTERN.test(field)) {
    throw userError('INVALID_FIELD_PATH', `${JSON.stringify(field)} is not a valid field path`, {
      details: { field },
    });
  }
  const segments = field.split('.');
  if (segments.length === 1) return params.add(child('$', field));
  if (segments.length > MAX_EXACT_SEGMENTS) {
    const flat = params.add(child('$', field));
    return `CASE WHEN json_type(${doc}, ${flat}) IS NOT NULL THEN ${flat} ELSE ${params.add(segments.reduce(child, '$'))} END`;
  }
  return resolve('$', segments, params, doc);
}

function resolve(prefix: string, segments: readonly string[], params: SqlParams, doc: string): string {
  const whole = child(prefix, segments.join('.'));
  if (segments.length === 1) return params.add(whole);
  const wholeParam = params.add(whole);
  const branches = [`WHEN json_type(${doc}, ${wholeParam}) IS NOT NULL THEN ${wholeParam}`];
  for (let i = segments.length - 1; i > 0; i--) {
    const head = child(prefix, segments.slice(0, i).join('.'));
    branches.push(
      `WHEN json_type(${doc}, ${params.add(head)}) IS NOT NULL THEN ${resolve(head, segments.slice(i), params, doc)}`,
    );
  }
  return `CASE ${branches.join(' ')} END`;
}

function child(prefix: string, key: string): string {
  return `${prefix}."${key}"`;
}

/** True when the field is present and not JSON null. */
export function presentSql(path: string, doc = 'doc'): string {
  return `(coalesce(json_type(${doc}, ${path}), 'null') <> 'null')`;
}

/** True when some element of `source` (a json_each over the field, see fieldEachSql) satisfies `predicate` over `j`. */
export function anyElementSql(source: string, predicate: string): string {
  // An object's members have text keys: they are not elements, so an object matches no leaf.
  return `EXISTS (SELECT 1 FROM ${source} AS j WHERE typeof(j.key) <> 'text' AND (${predicate}))`;
}

/**
 * `json_each(…)` over a field's value for rows `row` (`''` or an alias with its dot, e.g. `'b.'`). For an
 * extracted field whose column holds it exactly (bit set in `xm`), the column's string is walked as a
 * one-element array (or nothing when missing) instead of the document: the same elements, same types.
 */
export function fieldEachSql(field: string, params: SqlParams, row = ''): string {
  const doc = `${row}doc`;
  const path = fieldPathSql(field, params, doc);
  const x = extractedField(field);
  if (!x) return `json_each(${doc}, ${path})`;
  const exact = `(${row}xm & ${x.bit})`;
  const col = `${row}${x.column}`;
  return `json_each(CASE WHEN ${exact} THEN (CASE WHEN ${col} IS NULL THEN NULL ELSE json_array(${col}) END) ELSE ${doc} END,
    CASE WHEN ${exact} THEN '$' ELSE ${path} END)`;
}

/** True when the field is present and not JSON null, from the extracted column when it is exact. */
export function fieldPresentSql(field: string, params: SqlParams, row = ''): string {
  const doc = `${row}doc`;
  const present = presentSql(fieldPathSql(field, params, doc), doc);
  const x = extractedField(field);
  if (!x) return present;
  return `(CASE WHEN (${row}xm & ${x.bit}) THEN ${row}${x.column} IS NOT NULL ELSE ${present} END)`;
}
