import type { Problem } from '@vigil/core';
import type { QueryExpr } from '../ast/query-expr.ts';
import type { QueryPlan, Stage } from '../ast/query-plan.ts';
import { parseExpr } from './parse-expr.ts';
import { ParseAbort, ParserState } from './parser-state.ts';
import { parseStage } from './parse-stage.ts';
import { QUERY_LIMITS } from './query-limits.ts';

export interface ParseResult {
  /** Present only when there are no problems. */
  plan?: QueryPlan;
  problems: Problem[];
}

/**
 * Parses a search query into a plan. Never throws on user text: every problem found is returned with
 * its 0-based offset. Example: `parseQuery('process.name:cmd.exe | stats count() by host.name')`.
 */
export function parseQuery(source: string): ParseResult {
  if (typeof source !== 'string') {
    return { problems: [{ where: 'query', offset: 0, message: 'query must be a string' }] };
  }
  if (source.length > QUERY_LIMITS.maxLength) {
    return {
      problems: [
        {
          where: 'query',
          offset: QUERY_LIMITS.maxLength,
          message: `query is ${source.length} characters long; the limit is ${QUERY_LIMITS.maxLength}`,
        },
      ],
    };
  }
  const st = new ParserState(source);
  let search: QueryExpr | undefined;
  const stages: Stage[] = [];
  let columns: ReadonlySet<string> | undefined;
  try {
    search = parseExpr(st, { aggRefs: false, columns: undefined });
    while (st.peek().kind === 'pipe') {
      const pipe = st.next();
      if (stages.length >= QUERY_LIMITS.maxStages) {
        st.problem(pipe.start, `a query may have at most ${QUERY_LIMITS.maxStages} stages`);
        break;
      }
      const result = parseStage(st, columns);
      columns = result.columns;
      if (result.stage !== undefined) stages.push(result.stage);
    }
  } catch (e) {
    // Only the parser's own stop signal is expected here; anything else is a bug and must surface.
    if (!(e instanceof ParseAbort)) throw e;
  }
  const problems = st.problems.sort((a, b) => (a.offset ?? 0) - (b.offset ?? 0));
  if (problems.length > 0) return { problems };
  const plan: QueryPlan = { source, search: search ?? { kind: 'all' }, stages };
  if (columns !== undefined) plan.columns = [...columns];
  return { plan, problems };
}
