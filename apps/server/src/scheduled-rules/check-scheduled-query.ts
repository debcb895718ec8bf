import { parseQuery } from '@vigil/query';
import type { QueryProblem, ScheduledQueryCheck } from '@vigil/cases';

/** Stages that change what the trigger would count: the trigger aggregates the matching events itself. */
const REFUSED_STAGES: Readonly<Record<string, string>> = {
  stats: 'a scheduled rule aggregates through its trigger: remove "| stats" and set trigger.fn/groupBy',
  timechart: 'a scheduled rule aggregates through its trigger: remove "| timechart"',
  head: '"| head" would cut the events the trigger counts: remove it',
};

/** The scheduled rules' query check: the search language's parser plus the stages a rule may not use. */
export const checkScheduledQuery: ScheduledQueryCheck = (query) => {
  const { plan, problems } = parseQuery(query);
  const out: QueryProblem[] = problems.map((p) =>
    p.offset === undefined ? { message: p.message } : { offset: p.offset, message: p.message },
  );
  for (const stage of plan?.stages ?? []) {
    const reason = REFUSED_STAGES[stage.kind];
    if (reason !== undefined) out.push({ offset: stage.offset, message: reason });
  }
  return out;
};
