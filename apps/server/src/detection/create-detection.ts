import type { Bus, Clock, Logger, MetadataStore } from '@vigil/core';
import { ExceptionStore } from '../rules/exception-store.ts';
import { RuleStore } from '../rules/rule-store.ts';
import { DataSeenStore } from '../coverage/data-seen-store.ts';
import { DataSeenTracker } from '../coverage/data-seen-tracker.ts';
import { DetectionService } from './detection-service.ts';
import { MatchPool } from './pool/match-pool.ts';
import { RuleStatsStore } from './rule-stats-store.ts';
import type { DetectionServiceOptions } from './detection-service.ts';

/** The rule store, its exceptions and the detection stage that runs them, wired together. */
export interface DetectionRuntime {
  rules: RuleStore;
  exceptions: ExceptionStore;
  /** The ingest pipeline's detect hook. */
  service: DetectionService;
  /** When each logsource last had events (ATT&CK coverage's "data seen"), fed by the detect hook. */
  dataSeen: DataSeenTracker;
}

export interface CreateDetectionOptions extends Pick<
  DetectionServiceOptions,
  | 'latenessMs'
  | 'maxGroupsPerRule'
  | 'revisionCheckMs'
  | 'maxBatch'
  | 'maxBatchBytes'
  | 'publishRetryMs'
  | 'statsFlushMs'
  | 'slicer'
  | 'pool'
> {
  metadata: MetadataStore;
  bus: Bus;
  clock: Clock;
  logger?: Logger;
  /** Worker threads that compile rules and match batches (default 0: both on the main thread, sliced; ignored with `pool`). */
  matchThreads?: number;
  /** How often (ms of real time) correlation windows are judged while sources are quiet (default 1 000; 0 = never). */
  idleFlushMs?: number;
}

/** Composes detection: rule changes made here invalidate the compiled rules at once. */
export function createDetection(options: CreateDetectionOptions): DetectionRuntime {
  const { metadata, clock, idleFlushMs, matchThreads, ...rest } = options;
  const rules = new RuleStore(metadata, clock);
  const exceptions = new ExceptionStore(rules);
  const dataSeen = new DataSeenTracker(new DataSeenStore(metadata), clock, rest.logger);
  const service = new DetectionService({
    ...rest,
    clock,
    rules,
    exceptions,
    stats: new RuleStatsStore(metadata),
    observer: dataSeen,
    ...(rest.pool === undefined && matchThreads !== undefined && matchThreads > 0
      ? { pool: new MatchPool({ threads: matchThreads, ...(rest.logger ? { logger: rest.logger } : {}) }) }
      : {}),
  });
  rules.onChange((ws) => service.invalidate(ws));
  service.startIdleFlush(idleFlushMs ?? 1_000);
  return { rules, exceptions, service, dataSeen };
}
