import { userError } from '@vigil/core';
import { activity } from '../activity/activity-entry.ts';
import { severities } from '../alerts/severity.ts';
import { enumValue } from '../validation/enum-value.ts';
import { withSlaDueDates, type SlaPolicy } from './incident-sla.ts';
import { irStages, type Incident } from './incident.ts';

/** Analyst edits other than status; values are validated here, `null` clears. */
export interface IncidentPatch {
  title?: unknown;
  description?: string | null;
  owner?: string | null;
  severity?: unknown;
  stage?: unknown;
  /** Epoch ms, after the incident's creation. */
  plannedClosureAt?: number | null;
  labels?: unknown;
}

function invalid(field: string, message: string): Error {
  return userError('INVALID_INCIDENT_FIELD', `${field}: ${message}`, { status: 400, details: { field } });
}

/**
 * Applies a patch; one timeline entry per changed field (who, when, before, after). A severity change
 * re-derives the SLA due dates from the creation time. Example: `updateIncident(i, {stage: 'containment'}, 'ana', now, policy)`.
 */
export function updateIncident(
  incident: Incident,
  patch: IncidentPatch,
  actor: string,
  at: number,
  policy: SlaPolicy,
): Incident {
  let next: Incident = { ...incident, timeline: [...incident.timeline] };
  const record = (field: string, before: unknown, after: unknown): void => {
    if (JSON.stringify(before) === JSON.stringify(after)) return;
    next.timeline.push(activity(at, actor, 'updated', { field, before, after }));
  };
  if (patch.title !== undefined) {
    if (typeof patch.title !== 'string' || patch.title.trim() === '' || patch.title.length > 300) {
      throw invalid('title', 'expected 1 to 300 characters');
    }
    next.title = patch.title.trim();
    record('title', incident.title, next.title);
  }
  if (patch.description !== undefined) {
    if (patch.description === null) delete next.description;
    else next.description = patch.description;
    record('description', incident.description ?? null, patch.description);
  }
  if (patch.owner !== undefined) {
    if (patch.owner === null) delete next.owner;
    else next.owner = patch.owner;
    record('owner', incident.owner ?? null, patch.owner);
  }
  if (patch.stage !== undefined) {
    next.stage = enumValue(patch.stage, irStages, 'stage');
    record('stage', incident.stage, next.stage);
  }
  if (patch.plannedClosureAt !== undefined) {
    if (patch.plannedClosureAt === null) delete next.plannedClosureAt;
    else if (!Number.isFinite(patch.plannedClosureAt) || patch.plannedClosureAt <= incident.createdAt) {
      throw invalid('plannedClosureAt', 'expected a time after the incident was created');
    } else next.plannedClosureAt = patch.plannedClosureAt;
    record('plannedClosureAt', incident.plannedClosureAt ?? null, patch.plannedClosureAt);
  }
  if (patch.labels !== undefined) {
    const labels = patch.labels;
    if (
      !Array.isArray(labels) ||
      !labels.every((l) => typeof l === 'string' && l.trim() !== '' && l.length <= 100)
    ) {
      throw invalid('labels', 'expected a list of non-empty strings of at most 100 characters');
    }
    next.labels = [...new Set(labels.map((l: string) => l.trim()))];
    record('labels', incident.labels, next.labels);
  }
  if (patch.severity !== undefined) {
    next.severity = enumValue(patch.severity, severities, 'severity');
    record('severity', incident.severity, next.severity);
    if (next.severity !== incident.severity) next = withSlaDueDates(next, policy);
  }
  if (next.timeline.length !== incident.timeline.length) next.updatedAt = at;
  return next;
}
