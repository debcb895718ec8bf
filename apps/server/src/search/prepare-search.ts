import { parseTimeText, parseQuery } from '@vigil/query';
import type { QueryPlan } from '@vigil/query';
import { operationalError, userError } from '@vigil/core';
import type { EventSearch, EventSearchRequest, Storage } from '@vigil/core';
import type { SearchLimits } from './search-limits.ts';

export interface SearchInput {
  query: string;
  from: string;
  to: string;
  dataSpaces?: string[] | undefined;
}

/** Parses the query (every problem with its offset → 400 QUERY_INVALID) and the time range. */
export function prepareSearch(
  workspace: string,
  input: SearchInput,
  limits: SearchLimits,
  now: number,
): Omit<EventSearchRequest<QueryPlan>, 'limit'> {
  const { plan, problems } = parseQuery(input.query);
  if (plan === undefined || problems.length > 0) {
    throw userError('QUERY_INVALID', problems[0]?.message ?? 'the query is invalid', {
      details: { field: 'query', problems: problems.map((p) => ({ offset: p.offset, message: p.message })) },
    });
  }
  const from = time(input.from, 'from');
  const to = time(input.to, 'to');
  if (to <= from) {
    throw userError('INVALID_TIME_RANGE', '"to" must be after "from"', { details: { field: 'to' } });
  }
  if (to - from > limits.maxRangeMs) {
    throw userError(
      'TIME_RANGE_TOO_LONG',
      `the time range may cover at most ${Math.round(limits.maxRangeMs / 86_400_000)} days`,
      {
        details: { field: 'to', maxDays: Math.round(limits.maxRangeMs / 86_400_000) },
      },
    );
  }
  return {
    workspace,
    from,
    to,
    plan,
    now,
    timeoutMs: limits.timeoutMs,
    ...(input.dataSpaces === undefined ? {} : { dataSpaces: input.dataSpaces }),
  };
}

function time(text: string, field: string): number {
  const ms = parseTimeText(text);
  if (ms === undefined) {
    throw userError('INVALID_TIME', `"${field}" must be an ISO-8601 time such as 2026-03-01T00:00:00Z`, {
      details: { field },
    });
  }
  return ms;
}

/** The storage's search capability, or a 503 when this store has none. */
export function searchOf(storage: Storage): EventSearch<QueryPlan> {
  const search = storage.search;
  if (search === undefined) {
    throw operationalError('SEARCH_UNAVAILABLE', 'this event store does not support search');
  }
  return search;
}
