/**
 * Search port: runs a parsed query (a `@vigil/query` QueryPlan; core does not know its shape, so the
 * plan type is a parameter) over one workspace's stored events. Adapters compile the plan to
 * parameterised SQL; rows equal the reference evaluator `executePlan` over the same events.
 */
export interface EventSearch<TPlan = unknown> {
  /** One page of result rows (events, projected rows, or aggregated rows). */
  search(request: EventSearchRequest<TPlan>): Promise<EventSearchResult>;
  /**
   * Every result row in batches, for exports: reads page after page (keyset), so memory stays bounded
   * by the batch size whatever the result size. Aggregations yield their (bounded) rows once.
   */
  stream(request: EventSearchRequest<TPlan>): AsyncIterable<readonly Record<string, unknown>[]>;
}

export interface EventSearchRequest<TPlan = unknown> {
  workspace: string;
  /** Limit to these data spaces; all of the workspace's when absent. */
  dataSpaces?: readonly string[];
  /** Inclusive lower bound of event time, epoch ms. */
  from: number;
  /** Exclusive upper bound of event time, epoch ms. */
  to: number;
  plan: TPlan;
  /** Rows per page, 1..10000. */
  limit: number;
  /** Opaque cursor from a previous page's `next` (plain searches only). */
  cursor?: string;
  /** What `now` means in relative times (`now-1h`), epoch ms; also the caller's clock. */
  now: number;
  /** Abort the query after this many milliseconds (QUERY_TIMEOUT, a user error). */
  timeoutMs?: number;
}

export interface EventSearchResult {
  /** Events (or projected event rows) for plain searches; aggregated rows for stats/timechart. */
  rows: Record<string, unknown>[];
  /** True when rows are aggregated (the plan has stats or timechart). */
  aggregated: boolean;
  /** Output columns when a stage fixes them. */
  columns?: readonly string[];
  /** Cursor for the next page of a plain search; absent on the last page. */
  next?: string;
  /** True when a stats/timechart/sorted result had more rows than `limit` and was cut (no cursor pages it). */
  truncated?: boolean;
}
