import { FIELD_PATH_PATTERN, userError } from '@vigil/core';
import type { EventFilter, FieldCondition } from '@vigil/core';
import type { SqlParams } from './sql-params.ts';

const MAX_DEPTH = 32;
const COMPARISONS = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;
const NUMERIC = "j.type IN ('integer', 'real')";

/**
 * Compiles a filter to a SQLite boolean expression over the `doc` column. Every value and JSON path is a
 * bound parameter; only operators and fixed fragments are SQL text. Each fragment yields 0 or 1, never
 * NULL, so `not` is plain negation. A field holding an array matches when any element matches (ECS
 * fields such as `event.category` are arrays).
 */
export function compileSqliteFilter(filter: EventFilter, params: SqlParams, depth = 0): string {
  if (depth > MAX_DEPTH) throw invalidFilter(`is nested deeper than ${MAX_DEPTH} levels`);
  if (typeof filter !== 'object' || filter === null) throw invalidFilter('must be an object');
  if ('and' in filter) return join(filter.and, ' AND ', '1', params, depth);
  if ('or' in filter) return join(filter.or, ' OR ', '0', params, depth);
  if ('not' in filter) return `(NOT ${compileSqliteFilter(filter.not, params, depth + 1)})`;
  return compileCondition(filter, params);
}

function join(parts: readonly EventFilter[], glue: string, empty: string, params: SqlParams, depth: number) {
  // Filters arrive from JSON: check the shape the types promise.
  if (!isList(parts)) throw invalidFilter('and/or take a list of filters');
  if (parts.length === 0) return empty;
  return `(${parts.map((p) => compileSqliteFilter(p, params, depth + 1)).join(glue)})`;
}

function compileCondition(c: FieldCondition, params: SqlParams): string {
  const path = params.add(jsonPath(c.field));
  switch (c.op) {
    case 'exists':
      return present(path);
    case 'eq':
      return anyElement(path, equals(c.value, params));
    case 'neq':
      return `(${present(path)} AND NOT ${anyElement(path, equals(c.value, params))})`;
    case 'in':
      if (!isList(c.values)) throw invalidFilter(`${c.field}: in takes a list of values`);
      return anyElement(path, c.values.map((v) => `(${equals(v, params)})`).join(' OR ') || '0');
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return anyElement(path, compare(COMPARISONS[c.op], c.value, c.field, params));
    case 'contains':
    case 'prefix':
    case 'suffix':
      if (typeof c.value !== 'string') throw invalidFilter(`${c.field}: ${c.op} takes a string`);
      // vigil_* are registered on the connection: Unicode-correct case folding, no LIKE escaping.
      return anyElement(
        path,
        `j.type = 'text' AND vigil_${c.op}(j.value, ${params.add(c.value.toLowerCase())})`,
      );
    default:
      throw invalidFilter(`unknown operator ${JSON.stringify((c as { op: unknown }).op)}`);
  }
}

/** `$."a"."b"`: each segment quoted so `@timestamp` and `-` need no special handling. */
function jsonPath(field: unknown): string {
  if (typeof field !== 'string' || !FIELD_PATH_PATTERN.test(field)) {
    throw userError('INVALID_FIELD_PATH', `${JSON.stringify(field)} is not a valid field path`, {
      details: { field },
    });
  }
  return (
    '$' +
    field
      .split('.')
      .map((s) => `."${s}"`)
      .join('')
  );
}

function present(path: string): string {
  return `(coalesce(json_type(doc, ${path}), 'null') <> 'null')`;
}

/** True when the value, or any element of the array at `path`, satisfies `predicate` (over `j`). */
function anyElement(path: string, predicate: string): string {
  // An object's members have text keys: they are not elements, so `process eq x` never looks inside.
  return `EXISTS (SELECT 1 FROM json_each(doc, ${path}) AS j WHERE typeof(j.key) <> 'text' AND (${predicate}))`;
}

/** Strings compare exactly; a number also matches its canonical string form and vice versa (EventID). */
function equals(value: unknown, params: SqlParams): string {
  if (typeof value === 'boolean') return value ? "j.type = 'true'" : "j.type = 'false'";
  if (typeof value === 'number' && Number.isFinite(value)) {
    return `(${NUMERIC} AND j.value = ${params.add(value)}) OR (j.type = 'text' AND j.value = ${params.add(String(value))})`;
  }
  if (typeof value === 'string') {
    const text = `j.type = 'text' AND j.value = ${params.add(value)}`;
    const n = Number(value);
    const numeric = value.trim() !== '' && String(n) === value;
    return numeric ? `(${text}) OR (${NUMERIC} AND j.value = ${params.add(n)})` : text;
  }
  throw invalidFilter('eq/neq/in take strings, finite numbers or booleans');
}

/** Numbers compare numerically with numeric fields; strings compare bytewise with string fields. */
function compare(op: string, value: unknown, field: string, params: SqlParams): string {
  if (typeof value === 'number' && Number.isFinite(value))
    return `${NUMERIC} AND j.value ${op} ${params.add(value)}`;
  if (typeof value === 'string') return `j.type = 'text' AND j.value ${op} ${params.add(value)}`;
  throw invalidFilter(`${field}: comparisons take a string or a finite number`);
}

/** Not a type guard on purpose: narrowing a typed list with Array.isArray would widen it to any[]. */
function isList(value: unknown): boolean {
  return Array.isArray(value);
}

function invalidFilter(why: string) {
  return userError('INVALID_FILTER', `filter ${why}`, { details: { field: 'filter' } });
}
