import { parseQuery, type QueryPlan } from '@vigil/query';
import { userError, type EventSearch } from '@vigil/core';
import {
  evaluateRun,
  groupHits,
  type RunEvaluation,
  type ScheduledRule,
  type SuppressionState,
} from '@vigil/cases';

export interface IntervalExecution {
  /** Events the query returned (at most the cap). */
  hits: number;
  truncated: boolean;
  groups: number;
  evaluation: RunEvaluation;
  queryFrom: number;
  queryTo: number;
}

export interface ExecuteIntervalInput {
  search: EventSearch<QueryPlan>;
  workspace: string;
  ruleId: string;
  ruleVersion: number;
  rule: ScheduledRule;
  interval: { start: number; end: number };
  suppression: SuppressionState;
  maxEvents: number;
  timeoutMs: number;
}

/**
 * Runs one interval of a rule: the query over `[end − look-back, end)` through the EventSearch port
 * (relative times in the query mean "relative to the interval's end", so a catch-up run sees what the
 * live run would have), then the trigger, grouping and suppression.
 */
export async function executeInterval(input: ExecuteIntervalInput): Promise<IntervalExecution> {
  const { rule, interval } = input;
  const { plan, problems } = parseQuery(rule.query);
  if (plan === undefined || problems.length > 0) {
    throw userError('QUERY_INVALID', problems[0]?.message ?? 'the query is invalid', {
      details: { field: 'query' },
    });
  }
  const queryTo = interval.end;
  const queryFrom = interval.end - rule.lookbackSeconds * 1000;
  const events: Record<string, unknown>[] = [];
  let truncated = false;
  const batches = input.search.stream({
    workspace: input.workspace,
    from: queryFrom,
    to: queryTo,
    plan,
    limit: Math.min(10_000, input.maxEvents + 1),
    now: queryTo,
    timeoutMs: input.timeoutMs,
    ...(rule.dataSpaces.length > 0 ? { dataSpaces: rule.dataSpaces } : {}),
  });
  outer: for await (const batch of batches) {
    for (const row of batch) {
      if (events.length >= input.maxEvents) {
        truncated = true;
        break outer;
      }
      events.push(row);
    }
  }
  const groups = groupHits(events, rule.trigger);
  const evaluation = evaluateRun({
    workspace: input.workspace,
    ruleId: input.ruleId,
    ruleVersion: input.ruleVersion,
    rule,
    groups,
    interval,
    suppression: input.suppression,
  });
  return { hits: events.length, truncated, groups: groups.length, evaluation, queryFrom, queryTo };
}
