import type { Problem } from '@vigil/core';
import { QUERY_LIMITS } from './query-limits.ts';
import { scanToken } from './scan-token.ts';
import type { Token } from './token.ts';
import { describeToken } from './token.ts';

/** Thrown inside the parser to stop at a hard limit; `parseQuery` catches it, so callers never see it. */
export class ParseAbort extends Error {
  constructor() {
    super('query parsing stopped at a limit');
    this.name = 'ParseAbort';
  }
}

/** The token stream over one query, its collected problems and the counters behind the limits. */
export class ParserState {
  readonly problems: Problem[] = [];
  private pos = 0;
  private peeked: Token | undefined;
  private terms = 0;
  private readonly seen = new Set<string>();
  readonly src: string;

  constructor(src: string) {
    this.src = src;
  }

  get position(): number {
    return this.pos;
  }

  /** The next token in term mode, without consuming it. */
  peek(): Token {
    this.peeked ??= scanToken(this.src, this.pos, 'term', (at) => this.unterminated(at));
    return this.peeked;
  }

  next(): Token {
    const t = this.peek();
    this.seek(t.end);
    return t;
  }

  /** The next token in value mode (after `field:` or a comparison), without consuming it. */
  peekValue(): Token {
    return scanToken(this.src, this.pos, 'value', (at) => this.unterminated(at));
  }

  nextValue(): Token {
    const t = this.peekValue();
    this.seek(t.end);
    return t;
  }

  seek(pos: number): void {
    this.pos = pos;
    this.peeked = undefined;
  }

  describe(t: Token): string {
    return describeToken(t, this.src);
  }

  /** Records a problem (once per offset and message); stops parsing when too many pile up. */
  problem(offset: number, message: string): void {
    const key = `${offset}:${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.problems.push({ where: 'query', offset, message });
    if (this.problems.length >= QUERY_LIMITS.maxProblems) throw new ParseAbort();
  }

  /** Counts one leaf condition against the term limit. */
  countTerm(offset: number): void {
    if (++this.terms > QUERY_LIMITS.maxTerms) {
      this.problems.push({
        where: 'query',
        offset,
        message: `query has more than ${QUERY_LIMITS.maxTerms} terms; narrow it or split it`,
      });
      throw new ParseAbort();
    }
  }

  /** Stops at the nesting limit; deep nesting would otherwise exhaust the stack. */
  checkDepth(depth: number, offset: number): void {
    if (depth > QUERY_LIMITS.maxDepth) {
      this.problems.push({
        where: 'query',
        offset,
        message: `query is nested more than ${QUERY_LIMITS.maxDepth} levels deep`,
      });
      throw new ParseAbort();
    }
  }

  private unterminated(at: number): void {
    this.problem(at, `expected '"' to close the string opened at ${at}, found end of query`);
  }
}
