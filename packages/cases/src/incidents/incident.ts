import type { ActivityEntry } from '../activity/activity-entry.ts';
import type { CloseReason } from '../alerts/alert.ts';
import type { Severity } from '../alerts/severity.ts';
import type { GroupingProvenance } from './grouping-provenance.ts';

export const incidentStatuses = ['open', 'in_progress', 'closed'] as const;
export type IncidentStatus = (typeof incidentStatuses)[number];

/** NIST SP 800-61 incident-response stages. */
export const irStages = [
  'preparation',
  'detection_analysis',
  'containment',
  'eradication',
  'recovery',
  'post_incident',
] as const;
export type IrStage = (typeof irStages)[number];

export const slaKinds = ['acknowledge', 'resolve'] as const;
export type SlaKind = (typeof slaKinds)[number];

/** A missed SLA target, recorded once per kind. */
export interface SlaBreach {
  kind: SlaKind;
  dueAt: number;
  /** When Vigil noticed (the acknowledgement/close time when it came late, else the check time). */
  detectedAt: number;
}

/**
 * An incident: related alerts handled as one case. Times are epoch ms; `firstSeenAt`/`lastSeenAt` are the
 * alerts' event times. Every change is in `timeline`; why each alert belongs is in `provenance`.
 */
export interface Incident {
  id: string;
  workspace: string;
  /** Optimistic concurrency: starts at 1, the repository increments it on every update. */
  version: number;
  title: string;
  description?: string;
  status: IncidentStatus;
  severity: Severity;
  owner?: string;
  stage: IrStage;
  labels: string[];
  alertIds: string[];
  /** Union of the alerts' entity keys (indexed by stores). */
  entityKeys: string[];
  /** Union of the alerts' tactics, kill-chain ordered. */
  tactics: string[];
  firstSeenAt: number;
  lastSeenAt: number;
  plannedClosureAt?: number;
  sla: { acknowledgeDueAt?: number; resolveDueAt?: number; breaches: SlaBreach[] };
  provenance: GroupingProvenance[];
  closeReason?: CloseReason;
  closeComment?: string;
  /** Set when this incident was merged into another (and closed as duplicate). */
  mergedInto?: string;
  /** Set when this incident was split off another. */
  splitFrom?: string;
  createdAt: number;
  updatedAt: number;
  /** First move to in_progress (MTTA). */
  acknowledgedAt?: number;
  /** Last close (MTTR). */
  closedAt?: number;
  timeline: ActivityEntry[];
}
