import { FIELD_PATH_PATTERN, userError } from '@vigil/core';
import type { SqlParams } from '../events/sql-params.ts';

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

/** True when the value at `path`, or any element of the array there, satisfies `predicate` over `j`. */
export function anyElementSql(path: string, predicate: string, doc = 'doc'): string {
  // An object's members have text keys: they are not elements, so an object matches no leaf.
  return `EXISTS (SELECT 1 FROM json_each(${doc}, ${path}) AS j WHERE typeof(j.key) <> 'text' AND (${predicate}))`;
}
