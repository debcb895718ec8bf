import type { Bus, Clock, Logger, VigilEvent } from '@vigil/core';
import type { CorrelationStats, Rejection, Slicer } from '@vigil/sigma';
import type { ExceptionStore } from '../rules/exception-store.ts';
import type { RuleStore } from '../rules/rule-store.ts';
import type { MatchPool } from './pool/match-pool.ts';
import type { RuleStatsStore } from './rule-stats-store.ts';

export interface DetectionServiceOptions {
  rules: RuleStore;
  exceptions: ExceptionStore;
  bus: Bus;
  clock: Clock;
  logger?: Logger;
  /** Out-of-order tolerance of correlations, ms of event time (default 60 000). */
  latenessMs?: number;
  /** Correlation groups kept per rule (default 100 000). */
  maxGroupsPerRule?: number;
  /** How often (ms) a workspace's rule revision is re-read, for changes made by other processes (default 5 000). */
  revisionCheckMs?: number;
  /** Where per-rule counters are persisted. */
  stats: RuleStatsStore;
  /** How often (ms) per-rule counters are persisted (default 10 000). */
  statsFlushMs?: number;
  /** Detections per published message (default 500). */
  maxBatch?: number;
  /** JSON bytes per published message, so a NATS message stays under 1 MB (default 256 KiB). */
  maxBatchBytes?: number;
  /** How long a publish refused by backpressure is retried before its detections are counted as dropped (default 2 000). */
  publishRetryMs?: number;
  /** How rule compilation shares the event loop (default: 10 ms slices separated by `setImmediate`). */
  slicer?: Slicer;
  /** Sees every batch before detection and is flushed with the counters (ATT&CK coverage's data-seen tracker). */
  observer?: { observe(events: readonly VigilEvent[]): void; flush(): Promise<void> };
  /** Worker threads that compile and match (undefined: both on the main thread). Closed by close(). */
  pool?: MatchPool;
}

/** Counters of the detection stage, for /metrics and the rules API. */
export interface DetectionCounters {
  events: number;
  detections: number;
  published: number;
  /** Detections lost because the `detections` topic stayed full (logged, never silent). */
  dropped: number;
  /** Batches detection failed on (bug or store outage); the events are still stored. */
  errors: number;
  compilations: number;
}

/** A workspace's compiled detection and its counters in this process. */
export interface WorkspaceDetectionStats {
  /** Rule revision compiled. */
  revision: number;
  /** Single-event rules compiled (enabled ones and those enabled correlations need). */
  rules: number;
  exceptions: number;
  correlations: number;
  rejectedOnCompile: Rejection[];
  matches: number;
  suppressed: number;
  correlation?: CorrelationStats | undefined;
}
