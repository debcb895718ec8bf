import { activity } from '../activity/activity-entry.ts';
import { closeReasonRequired } from '../alerts/alert.error.ts';
import { closeReasons, type CloseReason } from '../alerts/alert.ts';
import { enumValue } from '../validation/enum-value.ts';
import { invalidIncidentTransition } from './incident.error.ts';
import { incidentStatuses, type Incident, type IncidentStatus } from './incident.ts';

/** The incident lifecycle: open ⇄ in_progress → closed; a closed incident can be reopened (to in_progress). */
const allowed: Record<IncidentStatus, readonly IncidentStatus[]> = {
  open: ['in_progress', 'closed'],
  in_progress: ['open', 'closed'],
  closed: ['in_progress'],
};

export function canTransitionIncident(from: IncidentStatus, to: IncidentStatus): boolean {
  return allowed[from].includes(to);
}

export interface IncidentStatusChange {
  to: unknown;
  closeReason?: unknown;
  comment?: string;
}

/**
 * Applies a status change with the lifecycle and close-reason rules; returns a new incident with a
 * timeline entry. Example: `changeIncidentStatus(i, {to: 'in_progress'}, 'ana', now)`.
 */
export function changeIncidentStatus(
  incident: Incident,
  change: IncidentStatusChange,
  actor: string,
  at: number,
): Incident {
  const to = enumValue(change.to, incidentStatuses, 'status');
  if (!canTransitionIncident(incident.status, to)) throw invalidIncidentTransition(incident.status, to);
  const next: Incident = { ...incident, status: to, updatedAt: at, timeline: [...incident.timeline] };
  const comment = change.comment?.trim();
  if (to === 'closed') {
    if (change.closeReason === undefined || change.closeReason === null || change.closeReason === '') {
      throw closeReasonRequired('closeReason');
    }
    const reason: CloseReason = enumValue(change.closeReason, closeReasons, 'closeReason');
    if (reason === 'other' && (comment === undefined || comment === ''))
      throw closeReasonRequired('closeComment');
    next.closeReason = reason;
    if (comment !== undefined && comment !== '') next.closeComment = comment;
    else delete next.closeComment;
    next.closedAt = at;
  } else {
    delete next.closeReason;
    delete next.closeComment;
    delete next.closedAt;
    delete next.mergedInto;
  }
  if (to === 'in_progress' && next.acknowledgedAt === undefined) next.acknowledgedAt = at;
  next.timeline.push(
    activity(at, actor, 'status_changed', {
      field: 'status',
      before: incident.status,
      after: to,
      note: to === 'closed' ? `${next.closeReason}${comment ? `: ${comment}` : ''}` : comment,
    }),
  );
  return next;
}
