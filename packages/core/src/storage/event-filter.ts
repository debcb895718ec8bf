/**
 * A store-neutral filter over event fields (dotted paths into the event document).
 * The query language compiles to this; each store adapter turns it into parameterised SQL.
 */
export type EventFilter =
  { and: readonly EventFilter[] } | { or: readonly EventFilter[] } | { not: EventFilter } | FieldCondition;

export type FieldCondition =
  | { field: string; op: 'eq' | 'neq'; value: string | number | boolean }
  | { field: string; op: 'in'; values: readonly (string | number)[] }
  | { field: string; op: 'gt' | 'gte' | 'lt' | 'lte'; value: string | number }
  /** Case-insensitive substring / prefix / suffix match on the string value. */
  | { field: string; op: 'contains' | 'prefix' | 'suffix'; value: string }
  | { field: string; op: 'exists' };

/** Field paths are restricted so adapters can embed them in JSON paths safely. */
export const FIELD_PATH_PATTERN = /^[@A-Za-z_][A-Za-z0-9_@-]*(\.[A-Za-z0-9_@-]+)*$/;
