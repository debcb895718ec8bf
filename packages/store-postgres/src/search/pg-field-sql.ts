import { FIELD_PATH_PATTERN, userError } from '@vigil/core';
import type { PgParams } from '../events/pg-params.ts';

/** Fields with more segments than this resolve flat key then nested path only (2^(n-1) splittings). */
const MAX_EXACT_SEGMENTS = 5;

/**
 * SQL for the jsonb value of a field in `doc`, resolved as core's `getField` does: at each object level
 * the whole remaining dotted key wins, else the longest dotted key that exists, so `{"event.code": 1}`
 * and `{"event": {"code": 1}}` both answer `event.code`. NULL when missing (`->` on a non-object is
 * NULL). Every key is a bound text parameter.
 */
export function fieldValueSql(field: string, params: PgParams, doc = 'doc'): string {
  if (!FIELD_PATH_PATTERN.test(field)) {
    throw userError('INVALID_FIELD_PATH', `${JSON.stringify(field)} is not a valid field path`, {
      details: { field },
    });
  }
  const segments = field.split('.');
  if (segments.length > MAX_EXACT_SEGMENTS) {
    const flat = `${doc} -> ${params.add(field, 'text')}`;
    return `(CASE WHEN ${flat} IS NOT NULL THEN ${flat} ELSE ${doc} #> ${params.add(segments, 'text[]')} END)`;
  }
  return resolve(doc, segments, params);
}

function resolve(obj: string, segments: readonly string[], params: PgParams): string {
  const whole = `${obj} -> ${params.add(segments.join('.'), 'text')}`;
  if (segments.length === 1) return `(${whole})`;
  const branches = [`WHEN ${whole} IS NOT NULL THEN ${whole}`];
  for (let i = segments.length - 1; i > 0; i--) {
    const head = `(${obj} -> ${params.add(segments.slice(0, i).join('.'), 'text')})`;
    branches.push(`WHEN ${head} IS NOT NULL THEN ${resolve(head, segments.slice(i), params)}`);
  }
  return `(CASE ${branches.join(' ')} END)`;
}

/** True when the value is present and not JSON null. */
export function presentSql(value: string): string {
  return `(coalesce(jsonb_typeof(${value}), 'null') <> 'null')`;
}

/** The elements of a value as a set-returning call: an array's elements, else the value itself. */
export function elementsSql(value: string): string {
  return `jsonb_array_elements(CASE jsonb_typeof(${value}) WHEN 'array' THEN ${value} ELSE jsonb_build_array(${value}) END)`;
}

/** True when the value, or any element of an array value, satisfies `predicate` (over `v`). */
export function anyElementSql(value: string, predicate: string): string {
  return `EXISTS (SELECT 1 FROM ${elementsSql(value)} AS e(v) WHERE ${predicate})`;
}

// Characters whose lower-case form is not their simple case fold (as @vigil/query's foldCase).
const FOLD_FROM = 'ςϐϑϕϖϰϱϵẛ\u1fbeſ';
const FOLD_TO = 'σβθφπκρεṡ\u03b9s';

/**
 * Unicode case folding as `foldCase`: lower() (Unicode under a UTF-8 database ctype such as C.UTF-8
 * or en_US.UTF-8) then the few characters whose fold differs from their lower case.
 */
export function foldSql(text: string): string {
  return `translate(lower(${text}), '${FOLD_FROM}', '${FOLD_TO}')`;
}

/** A decimal number written as text (NUMERIC_TEXT), exponent capped so the numeric cast cannot overflow. */
export const NUMERIC_RE = '^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]{1,4})?$';

/** Numbers and numeric strings (trimmed) as numeric, else NULL. */
export function numSql(v: string): string {
  const text = `btrim(${v} #>> '{}', E' \\t\\n\\r\\f\\v')`;
  return `(CASE jsonb_typeof(${v}) WHEN 'number' THEN (${v})::numeric WHEN 'string' THEN CASE WHEN ${text} ~ '${NUMERIC_RE}' THEN (${text})::numeric END END)`;
}
