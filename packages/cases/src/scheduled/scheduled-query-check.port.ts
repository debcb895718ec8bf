/** A problem in a scheduled rule's query, at a 0-based offset when the parser knows it. */
export interface QueryProblem {
  offset?: number;
  message: string;
}

/**
 * Checks query-language text for a scheduled rule (the server implements it with @vigil/query, so this
 * package stays free of it). Returns every problem; none = usable.
 */
export type ScheduledQueryCheck = (query: string) => readonly QueryProblem[];
