import { invalidInvestigationInput } from './investigation.error.ts';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/** The widest window on either side of an alert or incident: event reads stay bounded. */
export const maxInvestigationWindowMs = 7 * day;
/** Default margin before the first and after the last seen event. */
export const defaultInvestigationWindowMs = hour;

const units: Record<string, number> = { s: 1000, m: minute, h: hour, d: day };

/**
 * A window margin: `30m`, `2h`, `1d`, `90s` (or bare seconds), 0..7 days; undefined → the default.
 * Example: `windowDuration('2h', 'before')` → `7200000`.
 */
export function windowDuration(value: string | undefined, field: string): number {
  if (value === undefined) return defaultInvestigationWindowMs;
  const m = /^(\d{1,9})([smhd]?)$/.exec(value.trim());
  if (m === null) throw invalidInvestigationInput(field, 'expected a duration such as 30m, 2h or 1d');
  const ms = Number(m[1]) * (units[m[2] || 's'] ?? 1000);
  if (ms > maxInvestigationWindowMs) throw invalidInvestigationInput(field, 'at most 7d');
  return ms;
}

export interface InvestigationSpan {
  firstSeenAt: number;
  lastSeenAt: number;
}

/**
 * Longest stretch of alert activity a view reads: an alert that kept folding repeats for months would
 * otherwise make one request scan months of events. Longer spans keep their latest part.
 */
export const maxInvestigationSpanMs = 30 * day;

/**
 * `[first - before, last + after + 1)` (the store's upper bound is exclusive, the last event must be in);
 * `clipped` when the span was longer than maxInvestigationSpanMs and its start was moved up.
 */
export function investigationWindow(
  span: InvestigationSpan,
  before: number,
  after: number,
): { from: number; to: number; clipped: boolean } {
  const first = Math.max(span.firstSeenAt, span.lastSeenAt - maxInvestigationSpanMs);
  return { from: first - before, to: span.lastSeenAt + after + 1, clipped: first !== span.firstSeenAt };
}
