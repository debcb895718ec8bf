/** Wildcard parts of a Sigma string value: literal text, `*` (any run) or `?` (one character). */
export const STAR = 0;
export const ONE = 1;
export type SigmaPart = string | typeof STAR | typeof ONE;

/**
 * Parses a Sigma string value into literal text and wildcards, following the spec's escaping:
 * `\*`, `\?` and `\\` are literal `*`, `?` and `\`; any other backslash is itself literal.
 * Example: `C:\Windows\*.exe` → ['C:\Windows\', STAR, '.exe'].
 */
export function parseSigmaString(value: string): SigmaPart[] {
  const parts: SigmaPart[] = [];
  let lit = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i] as string;
    if (c === '\\') {
      const next = value[i + 1];
      if (next === '*' || next === '?' || next === '\\') {
        lit += next;
        i++;
      } else lit += c;
    } else if (c === '*' || c === '?') {
      if (lit !== '') parts.push(lit);
      lit = '';
      // Collapse runs of `*`: they mean the same and keep patterns small.
      if (c === '*' && parts[parts.length - 1] === STAR) continue;
      parts.push(c === '*' ? STAR : ONE);
    } else lit += c;
  }
  if (lit !== '') parts.push(lit);
  return parts;
}

/** True when the parts hold no wildcard. */
export function isPlain(parts: readonly SigmaPart[]): boolean {
  return parts.every((p) => typeof p === 'string');
}

/** The literal text of wildcard-free parts. */
export function plainText(parts: readonly SigmaPart[]): string {
  return parts.filter((p): p is string => typeof p === 'string').join('');
}

/** Maps the literal pieces of a value (for case folding or encodings), keeping wildcards. */
export function mapLiterals(parts: readonly SigmaPart[], fn: (s: string) => string): SigmaPart[] {
  return parts.map((p) => (typeof p === 'string' ? fn(p) : p));
}
