import { parseTimeText } from './parse-time-text.ts';

/** A decimal number written as text: `42`, `-1.5`, `.5`, `1e3`. Strings of this shape compare as numbers. */
export const NUMERIC_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The scalar values of a field: an array contributes each element (nested arrays flattened). */
export function elements(value: unknown, out: unknown[] = []): unknown[] {
  if (Array.isArray(value)) for (const v of value as unknown[]) elements(v, out);
  else if (value !== undefined && value !== null) out.push(value);
  return out;
}

/**
 * A field is present when it is neither missing nor null. An empty array is present (it exists but no
 * value equals anything), which is what a JSON-path test in SQL gives.
 */
export function isPresent(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** Numbers, and strings that spell a decimal number, as numbers; anything else undefined. */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && NUMERIC_TEXT.test(value.trim())) return Number(value);
  return undefined;
}

/** ISO-8601 strings (UTC when zone-less) and epoch-millisecond numbers as epoch ms. */
export function toTime(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string') return parseTimeText(value);
  return undefined;
}

/** The canonical decimal text of a number, if `text` is exactly that (so "4688" ↔ 4688, not "04688"). */
export function canonicalNumber(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) && String(n) === text ? n : undefined;
}

const RANK: Record<string, number> = { number: 0, string: 1, boolean: 2 };

/**
 * Total order for sorting and grouping output: numbers (numerically) < strings (by UTF-16 code units)
 * < booleans < anything else (by JSON text). An array sorts by its first element. Callers put missing
 * values last themselves.
 */
export function compareValues(a: unknown, b: unknown): number {
  const x = Array.isArray(a) ? (a as unknown[])[0] : a;
  const y = Array.isArray(b) ? (b as unknown[])[0] : b;
  const rx = RANK[typeof x] ?? 3;
  const ry = RANK[typeof y] ?? 3;
  if (rx !== ry) return rx - ry;
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  const sx = typeof x === 'string' ? x : (JSON.stringify(x) ?? '');
  const sy = typeof y === 'string' ? y : (JSON.stringify(y) ?? '');
  return sx < sy ? -1 : sx > sy ? 1 : 0;
}

/** True when the value is missing for ordering purposes (undefined, null, empty array). */
export function isMissing(value: unknown): boolean {
  return value === undefined || value === null || (Array.isArray(value) && value.length === 0);
}
