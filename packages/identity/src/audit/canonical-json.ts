import { userError } from '@vigil/core';

/**
 * Deterministic JSON (RFC 8785 style): object keys sorted by UTF-16 code units, no whitespace, ES number
 * formatting, `undefined` members omitted. The input to every hash and signature in the audit chain.
 * Example: `canonicalJson({ b: 1, a: [true, null] })` → `'{"a":[true,null],"b":1}'`.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw userError('CANONICAL_JSON_INVALID', 'Non-finite number in audit data');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v: unknown) => canonicalJson(v ?? null)).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw userError(
    'CANONICAL_JSON_INVALID',
    `Value of type ${typeof value} cannot be part of an audit record`,
  );
}
