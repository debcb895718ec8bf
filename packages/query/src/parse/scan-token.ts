import type { WildcardPart } from '../ast/query-expr.ts';
import type { Token, TokenKind } from './token.ts';

/**
 * `term` mode reads search terms, field names and stage syntax: words stop at reserved characters.
 * `value` mode reads the value after `field:` or a comparison: words may also hold `: , < > = -`
 * (IPv6 addresses, URLs, key=value text) and stop only at space, brackets, quotes and `|`.
 */
export type ScanMode = 'term' | 'value';

/** Characters a backslash escapes; before any other character a backslash is literal (`C:\Windows`). */
const ESCAPABLE = new Set('\\"\'*?()[]{}:|,<>=!- \t');
const TERM_STOP = new Set('()[]{}":|,<>=');
const VALUE_STOP = new Set('()[]{}"|');
const PUNCT: Record<string, TokenKind> = {
  '(': 'lparen',
  ')': 'rparen',
  '[': 'lbracket',
  ']': 'rbracket',
  '{': 'lbrace',
  '}': 'rbrace',
  ':': 'colon',
  '|': 'pipe',
  ',': 'comma',
  '=': 'equals',
};

export function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || /\s/u.test(c);
}

/** Position of the first non-space character at or after `pos`. */
export function skipSpace(src: string, pos: number): number {
  let i = pos;
  while (i < src.length && isSpace(src.charAt(i))) i++;
  return i;
}

/**
 * Reads one token starting at or after `pos`. Never throws: an unterminated string ends at the end of
 * the query and `onUnterminated` is told where it opened.
 */
export function scanToken(
  src: string,
  pos: number,
  mode: ScanMode,
  onUnterminated: (start: number) => void,
): Token {
  const start = skipSpace(src, pos);
  if (start >= src.length) return punct('eof', start, start, '');
  const c = src.charAt(start);
  if (c === '"') return scanString(src, start, onUnterminated);
  const kind = PUNCT[c];
  if (mode === 'term') {
    if (kind !== undefined) return punct(kind, start, start + 1, c);
    if (c === '<' || c === '>') {
      const op = src.charAt(start + 1) === '=' ? `${c}=` : c;
      return punct('cmp', start, start + op.length, op);
    }
    if (c === '-') return punct('minus', start, start + 1, c);
  } else if (VALUE_STOP.has(c) && kind !== undefined) {
    return punct(kind, start, start + 1, c);
  }
  return scanWord(src, start, mode === 'term' ? TERM_STOP : VALUE_STOP);
}

function punct(kind: TokenKind, start: number, end: number, value: string): Token {
  return { kind, start, end, value, parts: value === '' ? [] : [value], escaped: false };
}

function scanWord(src: string, start: number, stop: ReadonlySet<string>): Token {
  const b = new PartsBuilder();
  let i = start;
  while (i < src.length) {
    const c = src.charAt(i);
    if (isSpace(c) || stop.has(c)) break;
    i = b.take(src, i);
  }
  return { kind: 'word', start, end: i, value: b.value, parts: b.finish(), escaped: b.escaped };
}

function scanString(src: string, start: number, onUnterminated: (start: number) => void): Token {
  const b = new PartsBuilder();
  let i = start + 1;
  for (;;) {
    if (i >= src.length) {
      onUnterminated(start);
      break;
    }
    if (src.charAt(i) === '"') {
      i++;
      break;
    }
    i = b.take(src, i);
  }
  return { kind: 'string', start, end: i, value: b.value, parts: b.finish(), escaped: b.escaped };
}

/** Accumulates unescaped text and wildcard parts; `take` consumes one character or escape. */
class PartsBuilder {
  value = '';
  escaped = false;
  private readonly parts: WildcardPart[] = [];
  private literal = '';

  take(src: string, i: number): number {
    const c = src.charAt(i);
    if (c === '\\' && i + 1 < src.length && ESCAPABLE.has(src.charAt(i + 1))) {
      const e = src.charAt(i + 1);
      this.escaped = true;
      this.value += e;
      this.literal += e;
      return i + 2;
    }
    this.value += c;
    if (c === '*' || c === '?') {
      if (this.literal !== '') this.parts.push(this.literal);
      this.literal = '';
      this.parts.push({ wildcard: c });
    } else {
      this.literal += c;
    }
    return i + 1;
  }

  finish(): WildcardPart[] {
    if (this.literal !== '') this.parts.push(this.literal);
    this.literal = '';
    return this.parts;
  }
}
