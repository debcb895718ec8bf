/**
 * Canonical text of a field value for grouping and distinct counting. Scalars compare by their
 * text so that `EventID` 1 and "1" fall in the same group; objects and arrays by their JSON.
 * Returns undefined for a missing value (undefined or null).
 */
export function valueKey(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  try {
    return JSON.stringify(value);
  } catch {
    return undefined; // cyclic: not a usable group value
  }
}

/** A finite number from a number or a numeric string (log fields often carry numbers as text). */
export function numericValue(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}
