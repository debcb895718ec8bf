/** A parsed and resolved detection condition. `of` lists the selection names it covers. */
export type Condition =
  | { t: 'id'; name: string }
  | { t: 'of'; all: boolean; count: number; names: string[] }
  | { t: 'and' | 'or'; items: Condition[] }
  | { t: 'not'; item: Condition };

export interface ConditionProblem {
  message: string;
  /** 0-based offset in the condition text. */
  offset: number;
}

interface Token {
  text: string;
  offset: number;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const re = /\s*(\(|\)|\||[^\s()|]+)/gy;
  let m: RegExpExecArray | null;
  re.lastIndex = 0;
  while ((m = re.exec(text)) !== null) {
    const tok = m[1] as string;
    tokens.push({ text: tok, offset: m.index + m[0].length - tok.length });
    if (re.lastIndex >= text.length) break;
  }
  return tokens;
}

function globToRegExp(pattern: string): RegExp {
  const body = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}

/**
 * Parses a Sigma condition (`selection and not 1 of filter_*`) against the detection's identifiers,
 * with precedence not > and > or. Returns all problems with their offsets instead of throwing.
 */
export function parseCondition(
  text: string,
  identifiers: readonly string[],
): { condition?: Condition; problems: ConditionProblem[] } {
  const problems: ConditionProblem[] = [];
  const tokens = tokenize(text);
  const known = new Set(identifiers);
  let pos = 0;
  let depth = 0;
  const peek = (): Token | undefined => tokens[pos];
  const kw = (t: Token | undefined, word: string): boolean =>
    t !== undefined && t.text.toLowerCase() === word;
  const fail = (message: string, offset: number): undefined => {
    problems.push({ message, offset });
    return undefined;
  };

  const parseOr = (): Condition | undefined => {
    const items: Condition[] = [];
    const first = parseAnd();
    if (!first) return undefined;
    items.push(first);
    while (kw(peek(), 'or')) {
      pos++;
      const next = parseAnd();
      if (!next) return undefined;
      items.push(next);
    }
    return items.length === 1 ? first : { t: 'or', items };
  };
  const parseAnd = (): Condition | undefined => {
    const items: Condition[] = [];
    const first = parseNot();
    if (!first) return undefined;
    items.push(first);
    while (kw(peek(), 'and')) {
      pos++;
      const next = parseNot();
      if (!next) return undefined;
      items.push(next);
    }
    return items.length === 1 ? first : { t: 'and', items };
  };
  const parseNot = (): Condition | undefined => {
    if (kw(peek(), 'not')) {
      pos++;
      const item = parseNot();
      return item ? { t: 'not', item } : undefined;
    }
    return parsePrimary();
  };
  const parsePrimary = (): Condition | undefined => {
    const tok = peek();
    if (!tok) return fail('unexpected end of condition', text.length);
    if (tok.text === '(') {
      if (++depth > 200) return fail('parentheses nested too deeply', tok.offset);
      pos++;
      const inner = parseOr();
      if (!inner) return undefined;
      const close = peek();
      if (!close || close.text !== ')') return fail("expected ')'", close?.offset ?? text.length);
      pos++;
      depth--;
      return inner;
    }
    if (tok.text === ')' || tok.text === '|' || ['and', 'or'].includes(tok.text.toLowerCase())) {
      return fail(`unexpected '${tok.text}'`, tok.offset);
    }
    const next = tokens[pos + 1];
    if (kw(next, 'of')) {
      const q = tok.text.toLowerCase();
      const count = q === 'all' ? 0 : q === 'any' ? 1 : /^\d+$/.test(q) ? Number(q) : NaN;
      if (Number.isNaN(count) || (q !== 'all' && count < 1)) {
        return fail(`expected '1 of' or 'all of', got '${tok.text} of'`, tok.offset);
      }
      const target = tokens[pos + 2];
      if (!target || target.text === '(' || target.text === ')') {
        return fail("expected an identifier pattern or 'them' after 'of'", target?.offset ?? text.length);
      }
      pos += 3;
      let names: string[];
      if (target.text.toLowerCase() === 'them') names = identifiers.filter((n) => !n.startsWith('_'));
      else {
        const re = globToRegExp(target.text);
        names = identifiers.filter((n) => re.test(n));
      }
      if (names.length === 0) return fail(`'${target.text}' matches no detection identifier`, target.offset);
      return { t: 'of', all: q === 'all', count: q === 'all' ? names.length : count, names };
    }
    if (kw(tok, 'of') || kw(tok, 'them') || kw(tok, 'not'))
      return fail(`unexpected '${tok.text}'`, tok.offset);
    pos++;
    if (!known.has(tok.text)) return fail(`unknown detection identifier '${tok.text}'`, tok.offset);
    return { t: 'id', name: tok.text };
  };

  if (tokens.length === 0) return { problems: [{ message: 'empty condition', offset: 0 }] };
  const condition = parseOr();
  if (condition && pos < tokens.length) {
    const tok = tokens[pos] as Token;
    if (tok.text === '|') {
      fail(
        "aggregation expressions ('| count() …') are not part of Sigma v2; use a correlation rule",
        tok.offset,
      );
    } else fail(`unexpected '${tok.text}'`, tok.offset);
  }
  return problems.length > 0 ? { problems } : { condition: condition as Condition, problems };
}
