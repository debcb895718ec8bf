import { FIELD_PATH_PATTERN, userError } from '@vigil/core';
import type { EventFilter, FieldCondition } from '@vigil/core';
import type { PgParams } from './pg-params.ts';

const MAX_DEPTH = 32;
const COMPARISONS = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;
const TEXT = "(v #>> '{}')";

/**
 * Compiles a filter to a PostgreSQL boolean expression over the `doc` jsonb column. Paths are bound as
 * `text[]` for `#>`, values as jsonb/text parameters; only operators and fixed fragments are SQL text.
 * Each fragment is true or false, never NULL, so `not` is plain negation. A field holding an array
 * matches when any element matches (ECS fields such as `event.category` are arrays). Same semantics as
 * the SQLite adapter; the shared contract suite checks both.
 */
export function compilePgFilter(filter: EventFilter, params: PgParams, depth = 0): string {
  if (depth > MAX_DEPTH) throw invalidFilter(`is nested deeper than ${MAX_DEPTH} levels`);
  if (typeof filter !== 'object' || filter === null) throw invalidFilter('must be an object');
  if ('and' in filter) return join(filter.and, ' AND ', 'TRUE', params, depth);
  if ('or' in filter) return join(filter.or, ' OR ', 'FALSE', params, depth);
  if ('not' in filter) return `(NOT ${compilePgFilter(filter.not, params, depth + 1)})`;
  return compileCondition(filter, params);
}

function join(parts: readonly EventFilter[], glue: string, empty: string, params: PgParams, depth: number) {
  // Filters arrive from JSON: check the shape the types promise.
  if (!isList(parts)) throw invalidFilter('and/or take a list of filters');
  if (parts.length === 0) return empty;
  return `(${parts.map((p) => compilePgFilter(p, params, depth + 1)).join(glue)})`;
}

function compileCondition(c: FieldCondition, params: PgParams): string {
  const value = `(doc #> ${params.add(pathSegments(c.field), 'text[]')})`;
  switch (c.op) {
    case 'exists':
      return present(value);
    case 'eq':
      return anyElement(value, equals(c.value, params));
    case 'neq':
      return `(${present(value)} AND NOT ${anyElement(value, equals(c.value, params))})`;
    case 'in':
      if (!isList(c.values)) throw invalidFilter(`${c.field}: in takes a list of values`);
      return anyElement(value, c.values.map((v) => `(${equals(v, params)})`).join(' OR ') || 'FALSE');
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return anyElement(value, compare(COMPARISONS[c.op], c.value, c.field, params));
    case 'contains':
    case 'prefix':
    case 'suffix':
      if (typeof c.value !== 'string') throw invalidFilter(`${c.field}: ${c.op} takes a string`);
      return anyElement(
        value,
        `jsonb_typeof(v) = 'string' AND ${textMatch(c.op, params.add(c.value.toLowerCase(), 'text'))}`,
      );
    default:
      throw invalidFilter(`unknown operator ${JSON.stringify((c as { op: unknown }).op)}`);
  }
}

function pathSegments(field: unknown): string[] {
  if (typeof field !== 'string' || !FIELD_PATH_PATTERN.test(field)) {
    throw userError('INVALID_FIELD_PATH', `${JSON.stringify(field)} is not a valid field path`, {
      details: { field },
    });
  }
  return field.split('.');
}

function present(value: string): string {
  return `(coalesce(jsonb_typeof(${value}), 'null') <> 'null')`;
}

/** True when the value, or any element of an array value, satisfies `predicate` (over `v`). */
function anyElement(value: string, predicate: string): string {
  // A scalar or object is wrapped as a one-element array; an object is one element, never its members.
  const elements = `CASE jsonb_typeof(${value}) WHEN 'array' THEN ${value} ELSE jsonb_build_array(${value}) END`;
  return `EXISTS (SELECT 1 FROM jsonb_array_elements(${elements}) AS e(v) WHERE ${predicate})`;
}

/** jsonb equality is type-aware; a number also matches its canonical string form and vice versa. */
function equals(value: unknown, params: PgParams): string {
  if (typeof value === 'boolean') return `v = ${params.add(JSON.stringify(value), 'jsonb')}`;
  if (typeof value === 'number' && Number.isFinite(value)) {
    return `v = ${params.add(JSON.stringify(value), 'jsonb')} OR v = ${params.add(JSON.stringify(String(value)), 'jsonb')}`;
  }
  if (typeof value === 'string') {
    const text = `v = ${params.add(JSON.stringify(value), 'jsonb')}`;
    const n = Number(value);
    const numeric = value.trim() !== '' && String(n) === value;
    return numeric ? `${text} OR v = ${params.add(JSON.stringify(n), 'jsonb')}` : text;
  }
  throw invalidFilter('eq/neq/in take strings, finite numbers or booleans');
}

/** Numbers compare numerically with numeric fields; strings compare bytewise (COLLATE "C") with strings. */
function compare(op: string, value: unknown, field: string, params: PgParams): string {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return `jsonb_typeof(v) = 'number' AND v ${op} ${params.add(JSON.stringify(value), 'jsonb')}`;
  }
  if (typeof value === 'string') {
    return `jsonb_typeof(v) = 'string' AND ${TEXT} COLLATE "C" ${op} ${params.add(value, 'text')}`;
  }
  throw invalidFilter(`${field}: comparisons take a string or a finite number`);
}

function textMatch(op: 'contains' | 'prefix' | 'suffix', needle: string): string {
  const folded = `lower(${TEXT})`;
  if (op === 'contains') return `strpos(${folded}, ${needle}) > 0`;
  if (op === 'prefix') return `starts_with(${folded}, ${needle})`;
  return `right(${folded}, char_length(${needle})) = ${needle}`;
}

/** Not a type guard on purpose: narrowing a typed list with Array.isArray would widen it to any[]. */
function isList(value: unknown): boolean {
  return Array.isArray(value);
}

function invalidFilter(why: string) {
  return userError('INVALID_FILTER', `filter ${why}`, { details: { field: 'filter' } });
}
