import type { VigilEvent } from '@vigil/core';

/** Bus topic the detection stage publishes to; the alerts pipeline consumes it. */
export const DETECTIONS_TOPIC = 'detections';

/** Events carried inline per detection (a correlation over many events lists all ids, the first events). */
export const MAX_DETECTION_EVENTS = 20;

/** The rule that fired, as it was when it fired (the version lets an alert show the exact text). */
export interface DetectionRule {
  id: string;
  name?: string;
  title: string;
  /** Sigma level (`informational` … `critical`); `medium` when the rule sets none. */
  level: string;
  status?: string;
  tags: string[];
  /** Version of the stored rule text (1 = first import). */
  version: number;
}

/** What a correlation rule adds: its type and the group-by values the events share. */
export interface DetectionCorrelation {
  type: string;
  group: Record<string, unknown>;
}

/**
 * A detection domain event (one per rule match or correlation hit), published in batches on
 * `detections`. Delivery is at-least-once: `id` is deterministic (rule, version, events), so a
 * consumer can drop duplicates.
 */
export interface Detection {
  id: string;
  kind: 'match' | 'correlation';
  workspace: string;
  /** Data space of the (latest) event that fired the rule. */
  dataSpace: string;
  /** Every data space the events came from (several for correlations across sources). */
  dataSpaces: string[];
  rule: DetectionRule;
  /** `vigil.id` of the events that took part, in input order. */
  eventIds: string[];
  /**
   * The events themselves (stored-event documents), at most MAX_DETECTION_EVENTS: detection runs
   * before the batch is committed, so a consumer may not find them in the store yet.
   */
  events: VigilEvent[];
  /** Event time of the (latest) event, ISO-8601. */
  time: string;
  /** When Vigil detected it, ISO-8601. */
  detectedAt: string;
  correlation?: DetectionCorrelation;
}
