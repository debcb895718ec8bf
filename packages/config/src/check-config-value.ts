import type { ConfigKey } from './config-keys.ts';

/** Result of turning a text setting (env var, flag) into the leaf's type. */
export type Coerced = { ok: true; value: unknown } | { ok: false; problem: string };

/** Shows a rejected value, except for secrets: an error message must never echo a credential. */
function shown(key: ConfigKey, value: unknown): string {
  return key.secret ? 'a value that is not valid' : JSON.stringify(value);
}

/** Converts the text of an env var or flag into the leaf's type (integers, booleans). */
export function coerceConfigText(key: ConfigKey, text: string): Coerced {
  switch (key.type) {
    case 'integer':
      return /^[+-]?\d+$/.test(text.trim())
        ? { ok: true, value: Number(text.trim()) }
        : { ok: false, problem: `must be an integer, got ${shown(key, text)}` };
    case 'number':
      return text.trim() !== '' && Number.isFinite(Number(text))
        ? { ok: true, value: Number(text) }
        : { ok: false, problem: `must be a number, got ${shown(key, text)}` };
    case 'boolean':
      if (['true', '1', 'yes'].includes(text.toLowerCase())) return { ok: true, value: true };
      if (['false', '0', 'no'].includes(text.toLowerCase())) return { ok: true, value: false };
      return { ok: false, problem: `must be true or false, got ${shown(key, text)}` };
    case 'string':
      return { ok: true, value: text };
  }
}

/** The problem with a value for a leaf, or undefined when it is valid. */
export function checkConfigValue(key: ConfigKey, value: unknown): string | undefined {
  const s = key.schema;
  if (key.choices) {
    return typeof value === 'string' && key.choices.includes(value)
      ? undefined
      : `must be one of ${key.choices.join(', ')}, got ${shown(key, value)}`;
  }
  switch (key.type) {
    case 'integer':
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value))
        return `must be a number, got ${shown(key, value)}`;
      if (key.type === 'integer' && !Number.isInteger(value))
        return `must be an integer, got ${shown(key, value)}`;
      const min = s['minimum'] as number | undefined;
      const max = s['maximum'] as number | undefined;
      if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
        return `must be between ${min ?? '-∞'} and ${max ?? '∞'}, got ${shown(key, value)}`;
      }
      return undefined;
    }
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `must be true or false, got ${shown(key, value)}`;
    case 'string': {
      if (typeof value !== 'string') return `must be a string, got ${shown(key, value)}`;
      const minLength = s['minLength'] as number | undefined;
      if (minLength !== undefined && value.length < minLength) {
        return minLength === 1 ? 'must not be empty' : `must be at least ${minLength} characters long`;
      }
      const pattern = s['pattern'] as string | undefined;
      if (pattern !== undefined && !new RegExp(pattern).test(value)) {
        return `must be ${key.hint ?? `a string matching ${pattern}`}, got ${shown(key, value)}`;
      }
      return undefined;
    }
  }
}
