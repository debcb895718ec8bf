/**
 * An optional model field from a nullable column: SQL NULL means "absent" (the models use optional
 * properties, never null). Example: `{ id, ...opt('email', row.email) }`.
 */
export function opt<K extends string, V>(key: K, value: V | null | undefined): { [P in K]?: V } {
  return (value === null || value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** A nullable bigint column (pg returns int8 as a string) as an optional number field. */
export function optNumber<K extends string>(key: K, value: string | number | null): { [P in K]?: number } {
  return opt(key, value === null ? null : Number(value));
}

/** SQLSTATE 23505: a unique or primary-key constraint refused the row. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown }).code === '23505';
}

/** The name of the constraint a driver error names, if any. */
export function constraintOf(error: unknown): string {
  const c = (error as { constraint?: unknown }).constraint;
  return typeof c === 'string' ? c : '';
}
