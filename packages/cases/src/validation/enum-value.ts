import { userError } from '@vigil/core';

/**
 * Validates a caller-sent enum value; throws INVALID_<CODE> (400) naming the field and the allowed values.
 * Example: `enumValue('closed', alertStatuses, 'status')` → `'closed'`.
 */
export function enumValue<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  const code = `INVALID_${field
    .replace(/[^a-zA-Z0-9]+/g, '_')
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toUpperCase()}`;
  throw userError(code, `${field}: ${JSON.stringify(value)} is not one of ${allowed.join(', ')}`, {
    status: 400,
    details: { field, allowed: [...allowed] },
  });
}
