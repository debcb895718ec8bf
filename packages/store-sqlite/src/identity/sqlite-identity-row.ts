import type { SQLInputValue } from 'node:sqlite';

/**
 * An optional model field from a nullable column: SQL NULL means "absent" (the models use optional
 * properties, never null). Example: `{ id, ...opt('email', row.email) }`.
 */
export function opt<K extends string, V>(key: K, value: V | null | undefined): { [P in K]?: V } {
  return (value === null || value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** A model value as a bind parameter: undefined → NULL, booleans → 0/1. */
export function bind(value: string | number | boolean | undefined): SQLInputValue {
  if (value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

/** True for a UNIQUE or PRIMARY KEY constraint failure. */
export function isUniqueViolation(error: unknown): boolean {
  return /UNIQUE constraint failed/i.test((error as { message?: string }).message ?? '');
}
