/**
 * A problem found while parsing user content (rules, queries, log lines, config).
 * Parsers collect every problem with its position instead of throwing at the first.
 */
export interface Problem {
  /** Where: a file, a config key, a JSON path or a field name. */
  where: string;
  /** What is wrong and why, in one sentence. */
  message: string;
  line?: number;
  column?: number;
  /** 0-based character offset, for one-line inputs such as queries. */
  offset?: number;
}

/** Renders a problem as `where:line:column: message`. */
export function formatProblem(p: Problem): string {
  const pos = p.line === undefined ? '' : `:${p.line}${p.column === undefined ? '' : `:${p.column}`}`;
  const off = p.offset === undefined ? '' : ` (at ${p.offset})`;
  return `${p.where}${pos}: ${p.message}${off}`;
}
