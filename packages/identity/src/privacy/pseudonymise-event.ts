/** The shortest identifier a per-person erasure accepts: shorter ones would rewrite unrelated words. */
export const MIN_IDENTIFIER_LENGTH = 3;

/** Metadata the erasure never touches: ids, tenancy, times. */
const PROTECTED_TOP_LEVEL = new Set(['vigil', '@timestamp']);

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One pattern for all identifiers, longest first (an e-mail address goes whole before its local part
 * would), each only as a whole word: `alice` in `CORP\alice` or `alice logged on`, not in `malice`.
 * Case-insensitive, as account names mostly are (Windows, most directories).
 */
export function identifierPattern(identifiers: readonly string[]): RegExp {
  const alternatives = [...new Set(identifiers.map((i) => i.trim()))]
    .filter((i) => i.length >= MIN_IDENTIFIER_LENGTH)
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp);
  if (alternatives.length === 0) throw new Error('identifierPattern needs at least one identifier');
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}_])`, 'giu');
}

/**
 * The substrings stores look for in an event's JSON text (lower-cased and JSON-escaped, as the
 * identifier appears inside a JSON string). Example: `eventNeedles(['Alice'])` → `['alice']`.
 */
export function eventNeedles(identifiers: readonly string[]): string[] {
  return [...new Set(identifiers.map((i) => JSON.stringify(i.trim().toLowerCase()).slice(1, -1)))];
}

function rewriteValue(value: unknown, pattern: RegExp, pseudonym: string): unknown {
  if (typeof value === 'string') return value.replace(pattern, pseudonym);
  if (Array.isArray(value)) return value.map((v) => rewriteValue(v, pattern, pseudonym));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = rewriteValue(v, pattern, pseudonym);
    return out;
  }
  return value;
}

/**
 * The event with every whole-word occurrence of the identifiers in any string value (ECS fields,
 * `message`, `raw.*`) replaced by `pseudonym`; field names, `vigil.*` and `@timestamp` stay. Undefined
 * when nothing matched. Example: `{user: {name: 'alice'}, message: 'login alice ok'}` →
 * `{user: {name: 'person-1'}, message: 'login person-1 ok'}`.
 */
export function pseudonymiseEvent(
  event: Record<string, unknown>,
  pattern: RegExp,
  pseudonym: string,
): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  let changed = false;
  for (const [key, value] of Object.entries(event)) {
    if (PROTECTED_TOP_LEVEL.has(key)) {
      out[key] = value;
      continue;
    }
    const next = rewriteValue(value, pattern, pseudonym);
    if (!changed && JSON.stringify(next) !== JSON.stringify(value)) changed = true;
    out[key] = next;
  }
  return changed ? out : undefined;
}
