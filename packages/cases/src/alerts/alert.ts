import type { ActivityEntry } from '../activity/activity-entry.ts';
import type { Entity } from './entity.ts';
import type { DetectionKind } from './detection.ts';
import type { Severity } from './severity.ts';

export const alertStatuses = ['open', 'in_progress', 'closed'] as const;
export type AlertStatus = (typeof alertStatuses)[number];

export const verifications = ['unknown', 'true_positive', 'false_positive'] as const;
export type Verification = (typeof verifications)[number];

export const closeReasons = ['resolved', 'false_detection', 'duplicate', 'other'] as const;
export type CloseReason = (typeof closeReasons)[number];

/** At most this many linked event ids per alert; `count` keeps the true number of hits. */
export const maxEventIdsPerAlert = 1000;

/**
 * An alert: one rule firing on one dedup key within a window (repeats raise `count` and `lastSeenAt`).
 * Times are epoch ms; `firstSeenAt`/`lastSeenAt` are event times, the others platform times.
 */
export interface Alert {
  id: string;
  workspace: string;
  /** Optimistic concurrency: starts at 1, the repository increments it on every update. */
  version: number;
  title: string;
  description?: string;
  rule: { id: string; version?: number };
  severity: Severity;
  /** 0–100. */
  confidence: number;
  /** Primary ATT&CK tactic (latest in the kill chain), else the logsource category, else `uncategorized`. */
  category: string;
  /** ATT&CK tactic shortnames in kill-chain order. */
  tactics: string[];
  /** ATT&CK technique ids (`T1059.001`). */
  techniques: string[];
  source: DetectionKind;
  correlationType?: string;
  firstSeenAt: number;
  lastSeenAt: number;
  /** Detections folded into this alert (1 + repeats). */
  count: number;
  dataSource: string;
  entities: Entity[];
  /** `entities[].key`, kept separately so stores can index them. */
  entityKeys: string[];
  /** Linked event ids, at most maxEventIdsPerAlert. */
  eventIds: string[];
  /** Rule id + group field values: repeats with the same key inside the window fold into this alert. */
  dedupKey: string;
  /** Platform time until which repeats fold into this alert. */
  dedupUntil: number;
  status: AlertStatus;
  verification: Verification;
  owner?: string;
  labels: string[];
  closeReason?: CloseReason;
  closeComment?: string;
  remediation?: string;
  incidentId?: string;
  createdAt: number;
  updatedAt: number;
  /** First move to in_progress (MTTA). */
  acknowledgedAt?: number;
  /** Last close (MTTR). */
  closedAt?: number;
  activity: ActivityEntry[];
}
