import type { DatabaseSync, SQLOutputValue } from 'node:sqlite';

/**
 * Case-insensitive text matching for filters. SQLite's lower()/LIKE fold ASCII only; these fold with
 * JavaScript's Unicode rules, the same rules the detection engine uses. Needles arrive already folded.
 */
export function registerSqliteFunctions(db: DatabaseSync): void {
  const opts = { deterministic: true, directOnly: true };
  db.function('vigil_contains', opts, (value, needle) => match(value, needle, (v, n) => v.includes(n)));
  db.function('vigil_prefix', opts, (value, needle) => match(value, needle, (v, n) => v.startsWith(n)));
  db.function('vigil_suffix', opts, (value, needle) => match(value, needle, (v, n) => v.endsWith(n)));
}

function match(
  value: SQLOutputValue,
  needle: SQLOutputValue,
  test: (v: string, n: string) => boolean,
): number {
  if (typeof value !== 'string' || typeof needle !== 'string') return 0;
  return test(value.toLowerCase(), needle) ? 1 : 0;
}
