import { parseTime, userError, type Problem } from '@vigil/core';
import { changeAlertStatus, enumValue, updateAlert, type Alert, type AlertPatch } from '@vigil/cases';
import { requireAuth, type RequestAuth } from '../auth/request-auth.ts';

/** The actor recorded in activity entries: the signed-in principal's id. */
export function actorOf(request: { auth?: RequestAuth }): string {
  return requireAuth(request).principal.id;
}

/** `open,in_progress` → validated values; an unknown value is a 400 naming the field. */
export function enumList<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  field: string,
): T[] | undefined {
  if (value === undefined) return undefined;
  return value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '')
    .map((v) => enumValue(v, allowed, field));
}

/** Optional ISO-8601 (or epoch ms) query time. */
export function queryTime(value: string | undefined, field: string): number | undefined {
  if (value === undefined) return undefined;
  return parseTime(/^\d+$/.test(value) ? Number(value) : value, field);
}

export interface AlertChange {
  status?: string;
  closeReason?: string;
  closeComment?: string;
  owner?: string | null;
  verification?: string;
  severity?: string;
  labels?: string[];
  remediation?: string | null;
}

/** Applies a status change (when it changes) and edits as one new alert; validation errors name their field. */
export function applyAlertChange(alert: Alert, change: AlertChange, actor: string, at: number): Alert {
  let next = alert;
  if (change.status !== undefined && change.status !== alert.status) {
    next = changeAlertStatus(
      next,
      {
        to: change.status,
        ...(change.closeReason === undefined ? {} : { closeReason: change.closeReason }),
        ...(change.closeComment === undefined ? {} : { comment: change.closeComment }),
      },
      actor,
      at,
    );
  }
  const patch: AlertPatch = {};
  if (change.owner !== undefined) patch.owner = change.owner;
  if (change.verification !== undefined) patch.verification = change.verification;
  if (change.severity !== undefined) patch.severity = change.severity;
  if (change.labels !== undefined) patch.labels = change.labels;
  if (change.remediation !== undefined) patch.remediation = change.remediation;
  return updateAlert(next, patch, actor, at);
}

/** Every problem of an API/import input, in one 400. */
export function invalidAlertInput(problems: readonly Problem[]): Error {
  const first = problems[0];
  return userError(
    'INVALID_ALERT',
    `${problems.length} problem(s) in the alert input${first === undefined ? '' : `; first: ${first.where}: ${first.message}`}`,
    { status: 400, details: { field: first?.where, problems: [...problems] } },
  );
}

/** `?limit=` (digits, validated by the schema) clamped to 1..1000; default 100. */
export function queryLimit(value: string | undefined, fallback = 100): number {
  return value === undefined ? fallback : Math.min(Math.max(Number(value), 1), 1000);
}
