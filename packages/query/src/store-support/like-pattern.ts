import { foldCase } from '../match/fold-case.ts';
import type { WildcardPart } from '../ast/query-expr.ts';

/**
 * A LIKE pattern (ESCAPE '\') over case-folded text: literal parts folded with `%`, `_` and `\`
 * escaped, `*` → `%`, `?` → `_`. `contains` wraps it in `%…%` (free text).
 * Example: likePattern(['Power', {wildcard:'*'}]) === 'power%'.
 */
export function likePattern(parts: readonly WildcardPart[], contains = false): string {
  const body = parts
    .map((p) =>
      typeof p === 'string'
        ? foldCase(p).replace(/[\\%_]/g, (c) => `\\${c}`)
        : p.wildcard === '*'
          ? '%'
          : '_',
    )
    .join('');
  return contains ? `%${body}%` : body;
}
