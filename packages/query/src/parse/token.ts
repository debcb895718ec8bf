import type { WildcardPart } from '../ast/query-expr.ts';

export type TokenKind =
  | 'word'
  | 'string'
  | 'lparen'
  | 'rparen'
  | 'lbracket'
  | 'rbracket'
  | 'lbrace'
  | 'rbrace'
  | 'colon'
  | 'pipe'
  | 'comma'
  | 'minus'
  | 'cmp'
  | 'equals'
  | 'eof';

/** A lexical token; `value`/`parts` are the unescaped text for words and strings. */
export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  /** Unescaped text (words, strings); the operator for `cmp`; the character for punctuation. */
  value: string;
  /** The value split into literal runs and unescaped `*`/`?` wildcards. */
  parts: readonly WildcardPart[];
  /** True when the word had a backslash escape, so it is never a keyword. */
  escaped: boolean;
}

/** Describes a token for messages: `end of query`, `"foo"`. */
export function describeToken(t: Token, source: string): string {
  if (t.kind === 'eof') return 'end of query';
  if (t.kind === 'string')
    return `the string ${JSON.stringify(t.value.length > 40 ? `${t.value.slice(0, 37)}...` : t.value)}`;
  const text = source.slice(t.start, t.end);
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 37)}...` : text);
}

/** The keyword a word spells (case-insensitive), if any. */
export function keywordOf(t: Token): string | undefined {
  if (t.kind !== 'word' || t.escaped) return undefined;
  const upper = t.value.toUpperCase();
  return upper === 'AND' || upper === 'OR' || upper === 'NOT' || upper === 'TO' ? upper : undefined;
}
