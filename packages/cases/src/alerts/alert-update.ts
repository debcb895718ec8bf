import { userError } from '@vigil/core';
import { activity } from '../activity/activity-entry.ts';
import { enumValue } from '../validation/enum-value.ts';
import { verifications, type Alert } from './alert.ts';
import { severities } from './severity.ts';

/** Analyst edits of an alert other than its status. `null` clears owner/remediation. Values are validated here. */
export interface AlertPatch {
  owner?: string | null;
  labels?: unknown;
  verification?: unknown;
  severity?: unknown;
  remediation?: string | null;
}

function labelsOf(value: unknown): string[] {
  if (
    !Array.isArray(value) ||
    !value.every((l) => typeof l === 'string' && l.trim() !== '' && l.length <= 100)
  ) {
    throw userError(
      'INVALID_LABELS',
      'labels: expected a list of non-empty strings of at most 100 characters',
      {
        status: 400,
        details: { field: 'labels' },
      },
    );
  }
  return [...new Set(value.map((l: string) => l.trim()))];
}

/** Applies a patch, recording one activity entry per changed field. Example: `updateAlert(a, {owner: 'ana'}, 'lead', now)`. */
export function updateAlert(alert: Alert, patch: AlertPatch, actor: string, at: number): Alert {
  const next: Alert = { ...alert, activity: [...alert.activity] };
  const record = (field: string, before: unknown, after: unknown): void => {
    if (JSON.stringify(before) === JSON.stringify(after)) return;
    next.activity.push(activity(at, actor, 'updated', { field, before, after }));
  };
  if (patch.owner !== undefined) {
    if (patch.owner === null) delete next.owner;
    else next.owner = patch.owner;
    record('owner', alert.owner ?? null, patch.owner);
  }
  if (patch.labels !== undefined) {
    next.labels = labelsOf(patch.labels);
    record('labels', alert.labels, next.labels);
  }
  if (patch.verification !== undefined) {
    next.verification = enumValue(patch.verification, verifications, 'verification');
    record('verification', alert.verification, next.verification);
  }
  if (patch.severity !== undefined) {
    next.severity = enumValue(patch.severity, severities, 'severity');
    record('severity', alert.severity, next.severity);
  }
  if (patch.remediation !== undefined) {
    if (patch.remediation === null) delete next.remediation;
    else next.remediation = patch.remediation;
    record('remediation', alert.remediation ?? null, patch.remediation);
  }
  if (next.activity.length !== alert.activity.length) next.updatedAt = at;
  return next;
}
