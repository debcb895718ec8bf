import type { Bus, Clock, Logger, MetadataStore } from '@vigil/core';
import { ExceptionStore } from '../rules/exception-store.ts';
import { RuleStore } from '../rules/rule-store.ts';
import { DetectionService } from './detection-service.ts';
import { RuleStatsStore } from './rule-stats-store.ts';
import type { DetectionServiceOptions } from './detection-service.ts';

/** The rule store, its exceptions and the detection stage that runs them, wired together. */
export interface DetectionRuntime {
  rules: RuleStore;
  exceptions: ExceptionStore;
  /** The ingest pipeline's detect hook. */
  service: DetectionService;
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
> {
  metadata: MetadataStore;
  bus: Bus;
  clock: Clock;
  logger?: Logger;
}

/** Composes detection: rule changes made here invalidate the compiled rules at once. */
export function createDetection(options: CreateDetectionOptions): DetectionRuntime {
  const { metadata, clock, ...rest } = options;
  const rules = new RuleStore(metadata, clock);
  const exceptions = new ExceptionStore(rules);
  const service = new DetectionService({
    ...rest,
    clock,
    rules,
    exceptions,
    stats: new RuleStatsStore(metadata),
  });
  rules.onChange((ws) => service.invalidate(ws));
  return { rules, exceptions, service };
}
