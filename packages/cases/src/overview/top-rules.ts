import type { Alert } from '../alerts/alert.ts';
import { maxSeverity, type Severity } from '../alerts/severity.ts';

/** One rule among the most alerting: how many alerts it raised and how many detections they fold. */
export interface TopRule {
  ruleId: string;
  title: string;
  alerts: number;
  /** Detections folded into those alerts (sum of `count`). */
  hits: number;
  /** The highest severity among its alerts. */
  severity: Severity;
  /** Raised by hand (API or import) rather than by a detection rule: the title is the alert's own text. */
  manual: boolean;
}

export const MAX_TOP_ROWS = 50;

/** Most alerts first, then most hits, then rule id; ties are stable across calls. */
export function byAlertsThenHits<T extends { alerts: number; hits: number }>(
  key: (row: T) => string,
): (a: T, b: T) => number {
  return (a, b) => b.alerts - a.alerts || b.hits - a.hits || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
}

const isManual = (source: Alert['source']): boolean => source === 'api' || source === 'import';

/** Clamps a caller's limit to 1..MAX_TOP_ROWS. */
export function topLimit(limit: number): number {
  return Math.min(Math.max(1, Math.floor(limit)), MAX_TOP_ROWS);
}

/**
 * The rules that raised the most of these alerts (at most `limit`, ≤ 50); the title is the newest alert's.
 * Example: `topRules(alertsOfTheWeek, 5)[0]` → `{ ruleId: 'r-ps', title: 'Encoded PowerShell', alerts: 12, … }`.
 */
export function topRules(
  alerts: readonly Pick<Alert, 'rule' | 'title' | 'severity' | 'count' | 'createdAt' | 'source'>[],
  limit = 10,
): TopRule[] {
  const rows = new Map<string, TopRule & { newest: number }>();
  for (const a of alerts) {
    const row = rows.get(a.rule.id);
    if (row === undefined) {
      rows.set(a.rule.id, {
        ruleId: a.rule.id,
        title: a.title,
        alerts: 1,
        hits: a.count,
        severity: a.severity,
        manual: isManual(a.source),
        newest: a.createdAt,
      });
      continue;
    }
    row.manual ||= isManual(a.source);
    row.alerts += 1;
    row.hits += a.count;
    row.severity = maxSeverity(row.severity, a.severity);
    if (a.createdAt >= row.newest) {
      row.newest = a.createdAt;
      row.title = a.title;
    }
  }
  return [...rows.values()]
    .sort(byAlertsThenHits((r) => r.ruleId))
    .slice(0, topLimit(limit))
    .map(({ newest: _n, ...row }) => row);
}
