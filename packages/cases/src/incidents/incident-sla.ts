import { activity } from '../activity/activity-entry.ts';
import type { Severity } from '../alerts/severity.ts';
import type { Incident, SlaBreach, SlaKind } from './incident.ts';

/** Time to acknowledge (first in_progress) and to resolve (close), ms from incident creation. */
export interface SlaTarget {
  acknowledgeMs: number;
  resolveMs: number;
}

/** SLA per severity; a severity without a target has no SLA. Configurable per workspace. */
export type SlaPolicy = Partial<Record<Severity, SlaTarget>>;

const MIN = 60_000;
const HOUR = 60 * MIN;

export const defaultSlaPolicy: SlaPolicy = {
  critical: { acknowledgeMs: 15 * MIN, resolveMs: 4 * HOUR },
  high: { acknowledgeMs: HOUR, resolveMs: 24 * HOUR },
  medium: { acknowledgeMs: 4 * HOUR, resolveMs: 72 * HOUR },
  low: { acknowledgeMs: 24 * HOUR, resolveMs: 7 * 24 * HOUR },
};

/** Due dates for an incident created at `createdAt` with this severity. */
export function slaDueDates(
  severity: Severity,
  createdAt: number,
  policy: SlaPolicy,
): { acknowledgeDueAt?: number; resolveDueAt?: number } {
  const target = policy[severity];
  return target === undefined
    ? {}
    : { acknowledgeDueAt: createdAt + target.acknowledgeMs, resolveDueAt: createdAt + target.resolveMs };
}

/** Re-derives due dates (after a severity change), keeping recorded breaches. */
export function withSlaDueDates(incident: Incident, policy: SlaPolicy): Incident {
  return {
    ...incident,
    sla: { ...slaDueDates(incident.severity, incident.createdAt, policy), breaches: incident.sla.breaches },
  };
}

export type SlaState = 'none' | 'pending' | 'met' | 'breached';

/** State of one SLA target at `now`. */
export function slaState(incident: Incident, kind: SlaKind, now: number): SlaState {
  const due = kind === 'acknowledge' ? incident.sla.acknowledgeDueAt : incident.sla.resolveDueAt;
  if (due === undefined) return 'none';
  const doneAt = kind === 'acknowledge' ? (incident.acknowledgedAt ?? incident.closedAt) : incident.closedAt;
  if (doneAt !== undefined) return doneAt <= due ? 'met' : 'breached';
  return now > due ? 'breached' : 'pending';
}

/**
 * Records breaches not yet recorded (once per kind), with a timeline entry by `system:sla`.
 * Returns the same object when nothing changed, so callers can skip the write.
 * Example: `checkSlaBreaches(incident, clock.now())`.
 */
export function checkSlaBreaches(incident: Incident, now: number): Incident {
  const found: SlaBreach[] = [];
  for (const kind of ['acknowledge', 'resolve'] as const) {
    if (incident.sla.breaches.some((b) => b.kind === kind)) continue;
    if (slaState(incident, kind, now) !== 'breached') continue;
    const dueAt = (kind === 'acknowledge' ? incident.sla.acknowledgeDueAt : incident.sla.resolveDueAt) ?? now;
    const doneAt =
      kind === 'acknowledge' ? (incident.acknowledgedAt ?? incident.closedAt) : incident.closedAt;
    found.push({ kind, dueAt, detectedAt: doneAt ?? now });
  }
  if (found.length === 0) return incident;
  return {
    ...incident,
    updatedAt: now,
    sla: { ...incident.sla, breaches: [...incident.sla.breaches, ...found] },
    timeline: [
      ...incident.timeline,
      ...found.map((b) =>
        activity(now, 'system:sla', 'sla_breached', {
          field: `sla.${b.kind}`,
          after: b.dueAt,
          note: `${b.kind} SLA missed (due ${new Date(b.dueAt).toISOString()})`,
        }),
      ),
    ],
  };
}
