// The field sidebar's figures: for the events on screen, the fields most of them have and each field's
// most frequent values; and the query that narrows the search to one value. Pure.
import { pipeIndex } from './histogram.ts';
import type { Row } from './search-api.ts';

export interface FieldSummary {
  readonly field: string;
  /** Events (of those shown) that have the field. */
  readonly present: number;
  readonly values: readonly { readonly value: string | number | boolean; readonly count: number }[];
}

/** Platform bookkeeping and unique-per-event fields say nothing as "top values". */
const SKIPPED = new Set([
  '@timestamp',
  'message',
  'vigil.id',
  'vigil.received_at',
  'event.id',
  'event.original',
]);
const MAX_DEPTH = 4;
const UNIQUE_JUDGED_FROM = 5;

type Scalar = string | number | boolean;

/** Leaf fields of an event as dotted paths (arrays of scalars give one value each). */
function leaves(value: unknown, path: string, depth: number, out: Map<string, Scalar[]>): void {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    if (path !== '' && !SKIPPED.has(path)) out.set(path, [...(out.get(path) ?? []), value]);
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) if (typeof item !== 'object' || item === null) leaves(item, path, depth, out);
    return;
  }
  if (value === null || typeof value !== 'object' || depth >= MAX_DEPTH) return;
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    leaves(child, path === '' ? key : `${path}.${key}`, depth + 1, out);
  }
}

/**
 * The `maxFields` fields present in most events, each with its `maxValues` most frequent values
 * (ties by value, so the order is stable). Fields whose every value is distinct are left out (from
 * five events on; below that there is too little to tell).
 */
export function topValues(events: readonly Row[], maxFields = 12, maxValues = 5): FieldSummary[] {
  const counts = new Map<
    string,
    { present: number; values: Map<string, { value: Scalar; count: number }> }
  >();
  for (const event of events) {
    const fields = new Map<string, Scalar[]>();
    leaves(event, '', 0, fields);
    for (const [field, values] of fields) {
      let entry = counts.get(field);
      if (entry === undefined) {
        entry = { present: 0, values: new Map() };
        counts.set(field, entry);
      }
      entry.present++;
      for (const value of new Set(values)) {
        const key = `${typeof value}:${String(value)}`;
        const seen = entry.values.get(key);
        if (seen === undefined) entry.values.set(key, { value, count: 1 });
        else seen.count++;
      }
    }
  }
  return (
    [...counts]
      // A field whose every value differs is an id of sorts, judged once there are a few events.
      .filter(([, e]) => e.values.size < e.present || e.present < UNIQUE_JUDGED_FROM)
      // Among equally common fields, those that tell events apart (several values) come first.
      .sort(
        ([a, x], [b, y]) =>
          y.present - x.present ||
          Number(y.values.size > 1) - Number(x.values.size > 1) ||
          a.localeCompare(b),
      )
      .slice(0, maxFields)
      .map(([field, e]) => ({
        field,
        present: e.present,
        values: [...e.values.values()]
          .sort((x, y) => y.count - x.count || String(x.value).localeCompare(String(y.value)))
          .slice(0, maxValues),
      }))
  );
}

/**
 * A value as query-language text: numbers and booleans bare, text quoted with `\`, `"` and the
 * wildcards `*` `?` escaped, so the filter matches exactly that value.
 */
export function queryValue(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  return `"${value.replace(/[\\"*?]/gu, (c) => `\\${c}`)}"`;
}

/**
 * The query narrowed to `field` = `value`: ANDed to the search part, before any pipeline stage.
 * @example withFilter('error | head 5', 'host.name', 'web1') // 'error AND host.name:"web1" | head 5'
 */
export function withFilter(query: string, field: string, value: string | number | boolean): string {
  const at = pipeIndex(query);
  const search = query.slice(0, at).trim();
  const rest = query.slice(at).trim();
  const filter = `${field}:${queryValue(value)}`;
  const narrowed = search === '' || search === '*' ? filter : `(${search}) AND ${filter}`;
  return rest === '' ? narrowed : `${narrowed} ${rest}`;
}
