import { activity } from '../activity/activity-entry.ts';
import { enumValue } from '../validation/enum-value.ts';
import { closeReasonRequired, invalidAlertTransition } from './alert.error.ts';
import { alertStatuses, closeReasons, type Alert, type AlertStatus, type CloseReason } from './alert.ts';

/** The alert lifecycle: open ⇄ in_progress → closed; a closed alert can be reopened. */
const allowed: Record<AlertStatus, readonly AlertStatus[]> = {
  open: ['in_progress', 'closed'],
  in_progress: ['open', 'closed'],
  closed: ['open'],
};

export function canTransitionAlert(from: AlertStatus, to: AlertStatus): boolean {
  return allowed[from].includes(to);
}

export interface AlertStatusChange {
  /** Validated here: an unknown value is a 400 naming `status`. */
  to: unknown;
  /** Required when closing. */
  closeReason?: unknown;
  /** Required when the reason is `other`. */
  comment?: string;
}

/**
 * Applies a status change, enforcing the lifecycle and the close-reason rule; returns a new alert with
 * the change in its activity. Example: `changeAlertStatus(a, {to: 'closed', closeReason: 'resolved'}, 'ana', now)`.
 */
export function changeAlertStatus(alert: Alert, change: AlertStatusChange, actor: string, at: number): Alert {
  const to = enumValue(change.to, alertStatuses, 'status');
  if (!canTransitionAlert(alert.status, to)) throw invalidAlertTransition(alert.status, to);
  const next: Alert = { ...alert, status: to, updatedAt: at, activity: [...alert.activity] };
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
  }
  if (to === 'in_progress' && next.acknowledgedAt === undefined) next.acknowledgedAt = at;
  next.activity.push(
    activity(at, actor, 'status_changed', {
      field: 'status',
      before: alert.status,
      after: to,
      note: to === 'closed' ? `${next.closeReason}${comment ? `: ${comment}` : ''}` : comment,
    }),
  );
  return next;
}
