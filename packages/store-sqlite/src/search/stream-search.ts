import { isPageable, splitPlan } from '@vigil/query';
import type { QueryPlan } from '@vigil/query';
import type { EventSearchRequest, EventSearchResult } from '@vigil/core';

type Doc = Record<string, unknown>;
const EXPORT_BATCH = 1000;

/**
 * EventSearch.stream over a page-at-a-time search: keyset pages of at most EXPORT_BATCH rows for
 * plain searches, or the one bounded result of a sorted/limited/aggregated query.
 */
export async function* streamSearch(
  search: (req: EventSearchRequest<QueryPlan>) => Promise<EventSearchResult>,
  req: EventSearchRequest<QueryPlan>,
): AsyncIterable<readonly Doc[]> {
  if (!isPageable(splitPlan(req.plan))) {
    const result = await search(req);
    if (result.rows.length > 0) yield result.rows;
    return;
  }
  let cursor = req.cursor;
  for (;;) {
    const page = await search({
      ...req,
      limit: req.limit > EXPORT_BATCH ? EXPORT_BATCH : req.limit,
      ...(cursor === undefined ? {} : { cursor }),
    });
    if (page.rows.length > 0) yield page.rows;
    if (page.next === undefined) return;
    cursor = page.next;
  }
}
