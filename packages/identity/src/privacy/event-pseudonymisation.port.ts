/** Which stored events a per-person erasure looks at: one workspace (every data space), [from, to). */
export interface EventPseudonymisationScope {
  workspace: string;
  /** Epoch ms, inclusive. */
  from: number;
  /** Epoch ms, exclusive. */
  to: number;
  /**
   * Lower-cased, JSON-escaped substrings (see `eventNeedles`): an event is a candidate when its JSON
   * text contains one of them. The rewrite decides exactly; the needles only keep the scan cheap.
   */
  needles: readonly string[];
}

export interface EventPseudonymisationCounts {
  /** Candidate events read (their JSON text contains a needle). */
  scanned: number;
  /** Events the rewrite changed. */
  matched: number;
  /** Rows written (0 on a dry run). */
  rewritten: number;
}

export interface EventPseudonymisationOptions {
  /** Rows read and written per transaction, so a large range never holds one long write. */
  batchSize: number;
  /** Count only: nothing is written. */
  dryRun: boolean;
}

/**
 * Rewrites stored events in place for a data-subject erasure (issue 6). Adapters walk the scope's day
 * partitions in key order, `batchSize` rows per transaction, keep derived columns in step with the
 * document, and stay inside the workspace (row-level security on PostgreSQL).
 */
export interface EventPseudonymisationStore {
  pseudonymise(
    scope: EventPseudonymisationScope,
    rewrite: (event: Record<string, unknown>) => Record<string, unknown> | undefined,
    options: EventPseudonymisationOptions,
  ): Promise<EventPseudonymisationCounts>;
  close(): Promise<void>;
}
