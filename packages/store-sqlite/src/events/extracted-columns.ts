import { getField } from '@vigil/core';
import type { VigilEvent } from '@vigil/core';

/** A common ECS field copied into its own column of the day tables (partition layout 2). */
export interface ExtractedField {
  field: string;
  column: string;
  /** Bit of `xm` set when the column holds the field exactly (a string, or NULL for missing). */
  bit: number;
}

/**
 * The fields that searches filter and group by most (the console's facets, the benchmark queries,
 * typical stats): reading a short column costs a fraction of walking the JSON document.
 */
export const EXTRACTED_FIELDS: readonly ExtractedField[] = [
  'host.name',
  'user.name',
  'source.ip',
  'destination.ip',
  'event.code',
  'event.action',
  'event.outcome',
  'process.name',
].map((field, i) => ({ field, column: `x_${field.replace('.', '_')}`, bit: 1 << i }));

const BY_FIELD = new Map(EXTRACTED_FIELDS.map((f) => [f.field, f]));

/** Column names in table order, as a SELECT list. `xm` is the mask of exactly represented fields. */
export const EXTRACTED_COLUMN_LIST = ['xm', ...EXTRACTED_FIELDS.map((f) => f.column)].join(', ');

/** The same columns as constants, for layout-1 tables: mask 0 sends every field to the document. */
export const EXTRACTED_NONE = ['0 AS xm', ...EXTRACTED_FIELDS.map((f) => `NULL AS ${f.column}`)].join(', ');

/** Column definitions of a layout-2 table; they come before `doc` so reading them never touches it. */
export const EXTRACTED_COLUMNS_DDL = [
  'xm INTEGER NOT NULL',
  ...EXTRACTED_FIELDS.map((f) => `${f.column} TEXT`),
].join(', ');

export function extractedField(field: string): ExtractedField | undefined {
  return BY_FIELD.get(field);
}

/**
 * `[xm, ...values]` of an event, resolved as `getField` (and the SQL path resolution) does. Only a
 * string or a missing field is represented exactly; anything else (arrays, numbers, objects, null)
 * leaves its bit clear, and searches read that field from the document for this row.
 */
export function extractedValues(event: VigilEvent): (string | number | null)[] {
  const out: (string | number | null)[] = [0];
  let mask = 0;
  for (const f of EXTRACTED_FIELDS) {
    const value = getField(event, f.field);
    if (typeof value === 'string') {
      mask |= f.bit;
      out.push(value);
    } else {
      if (value === undefined) mask |= f.bit;
      out.push(null);
    }
  }
  out[0] = mask;
  return out;
}
