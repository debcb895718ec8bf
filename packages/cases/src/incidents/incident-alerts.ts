import { activity } from '../activity/activity-entry.ts';
import type { Alert } from '../alerts/alert.ts';
import { maxSeverity, severityRank, type Severity } from '../alerts/severity.ts';
import { killChainIndex } from '../attack/attack-tags.ts';
import type { GroupingProvenance } from './grouping-provenance.ts';
import { withSlaDueDates, type SlaPolicy } from './incident-sla.ts';
import type { Incident } from './incident.ts';

/** What an incident derives from its alerts. */
export function summariseAlerts(alerts: readonly Alert[]): {
  entityKeys: string[];
  tactics: string[];
  severity: Severity | undefined;
  firstSeenAt: number | undefined;
  lastSeenAt: number | undefined;
} {
  const keys = new Set<string>();
  const tactics = new Set<string>();
  let severity: Severity | undefined;
  let first: number | undefined;
  let last: number | undefined;
  for (const a of alerts) {
    for (const k of a.entityKeys) keys.add(k);
    for (const t of a.tactics) tactics.add(t);
    severity = severity === undefined ? a.severity : maxSeverity(severity, a.severity);
    first = first === undefined ? a.firstSeenAt : Math.min(first, a.firstSeenAt);
    last = last === undefined ? a.lastSeenAt : Math.max(last, a.lastSeenAt);
  }
  return {
    entityKeys: [...keys],
    tactics: [...tactics].sort((x, y) => killChainIndex(x) - killChainIndex(y)),
    severity,
    firstSeenAt: first,
    lastSeenAt: last,
  };
}

export interface NewIncidentInput {
  id: string;
  workspace: string;
  alerts: readonly Alert[];
  provenance: readonly GroupingProvenance[];
  actor: string;
  at: number;
  policy: SlaPolicy;
  title?: string;
  description?: string;
  /** Default: the highest alert severity, else medium. */
  severity?: Severity;
  owner?: string;
}

/** A new open incident from zero (by hand) or more alerts. Example: `newIncident({id, workspace, alerts, …})`. */
export function newIncident(input: NewIncidentInput): Incident {
  const s = summariseAlerts(input.alerts);
  const first = input.alerts[0];
  const title =
    input.title ??
    (first === undefined
      ? 'Untitled incident'
      : input.alerts.length > 1
        ? `${first.title} (+${input.alerts.length - 1} related alerts)`
        : first.title);
  const incident: Incident = {
    id: input.id,
    workspace: input.workspace,
    version: 1,
    title,
    status: 'open',
    severity: input.severity ?? s.severity ?? 'medium',
    stage: 'detection_analysis',
    labels: [],
    alertIds: input.alerts.map((a) => a.id),
    entityKeys: s.entityKeys,
    tactics: s.tactics,
    firstSeenAt: s.firstSeenAt ?? input.at,
    lastSeenAt: s.lastSeenAt ?? input.at,
    sla: { breaches: [] },
    provenance: [...input.provenance],
    createdAt: input.at,
    updatedAt: input.at,
    timeline: [
      activity(input.at, input.actor, 'created', {
        note: input.alerts.length === 0 ? 'created by hand' : undefined,
      }),
      ...input.provenance.map((p) =>
        activity(input.at, input.actor, 'alert_added', {
          field: 'alertIds',
          after: p.alertId,
          note: p.reason,
        }),
      ),
    ],
  };
  if (input.description !== undefined) incident.description = input.description;
  if (input.owner !== undefined) incident.owner = input.owner;
  return withSlaDueDates(incident, input.policy);
}

/**
 * Adds alerts with the provenance of each; raises severity to the highest alert's (re-deriving SLA
 * due dates) and records every change in the timeline. Alerts already present are skipped.
 */
export function addAlertsToIncident(
  incident: Incident,
  alerts: readonly Alert[],
  provenance: readonly GroupingProvenance[],
  actor: string,
  at: number,
  policy: SlaPolicy,
): Incident {
  const fresh = alerts.filter((a) => !incident.alertIds.includes(a.id));
  if (fresh.length === 0) return incident;
  const s = summariseAlerts(fresh);
  const tactics = new Set([...incident.tactics, ...s.tactics]);
  let next: Incident = {
    ...incident,
    alertIds: [...incident.alertIds, ...fresh.map((a) => a.id)],
    entityKeys: [...new Set([...incident.entityKeys, ...s.entityKeys])],
    tactics: [...tactics].sort((x, y) => killChainIndex(x) - killChainIndex(y)),
    firstSeenAt: Math.min(incident.firstSeenAt, s.firstSeenAt ?? incident.firstSeenAt),
    lastSeenAt: Math.max(incident.lastSeenAt, s.lastSeenAt ?? incident.lastSeenAt),
    provenance: [...incident.provenance, ...provenance.filter((p) => fresh.some((a) => a.id === p.alertId))],
    updatedAt: at,
    timeline: [...incident.timeline],
  };
  for (const a of fresh) {
    const why = provenance.find((p) => p.alertId === a.id);
    next.timeline.push(
      activity(at, actor, 'alert_added', { field: 'alertIds', after: a.id, note: why?.reason }),
    );
  }
  if (s.severity !== undefined && severityRank(s.severity) > severityRank(incident.severity)) {
    next.severity = s.severity;
    next.timeline.push(
      activity(at, actor, 'updated', {
        field: 'severity',
        before: incident.severity,
        after: s.severity,
        note: 'raised to the highest alert severity',
      }),
    );
    next = withSlaDueDates(next, policy);
  }
  return next;
}

/** Removes alerts (split): derived fields are recomputed from the alerts that stay. */
export function removeAlertsFromIncident(
  incident: Incident,
  removedIds: readonly string[],
  remaining: readonly Alert[],
  actor: string,
  at: number,
  note: string,
): Incident {
  const s = summariseAlerts(remaining);
  return {
    ...incident,
    alertIds: incident.alertIds.filter((id) => !removedIds.includes(id)),
    entityKeys: s.entityKeys,
    tactics: s.tactics,
    firstSeenAt: s.firstSeenAt ?? incident.firstSeenAt,
    lastSeenAt: s.lastSeenAt ?? incident.lastSeenAt,
    provenance: incident.provenance.filter((p) => !removedIds.includes(p.alertId)),
    updatedAt: at,
    timeline: [
      ...incident.timeline,
      ...removedIds.map((id) =>
        activity(at, actor, 'alert_removed', { field: 'alertIds', before: id, note }),
      ),
    ],
  };
}
