/** Bounds that keep parsing and evaluation of user queries cheap; exceeding one is a problem, never a crash. */
export const QUERY_LIMITS = {
  /** Characters of query text. */
  maxLength: 10_000,
  /** Nesting of parentheses and NOT. */
  maxDepth: 64,
  /** Leaf conditions (each value of a list counts). */
  maxTerms: 1_000,
  maxStages: 32,
  /** Problems reported before giving up. */
  maxProblems: 20,
  maxHead: 10_000,
  maxSortKeys: 10,
  maxAggregations: 20,
  maxGroupBy: 10,
  maxFieldLength: 256,
  /** Time buckets one timechart may produce. */
  maxBuckets: 10_000,
} as const;
