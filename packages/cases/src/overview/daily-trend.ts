import { MS_PER_DAY } from '@vigil/core';
import { severities, type Severity } from '../alerts/severity.ts';
import { slaState } from '../incidents/incident-sla.ts';
import type { Incident } from '../incidents/incident.ts';

/** Per-day series over the last N UTC days (oldest first, today last), zero-filled. */
export interface DailyTrend {
  /** `YYYY-MM-DD` of each UTC day. */
  days: string[];
  /** Alerts created that day, by severity. */
  alerts: Record<Severity, number[]>;
  /** Incidents open at the end of the day (at `now` for today). */
  openIncidents: number[];
  /** SLA targets whose due time fell that day and that were missed. */
  slaBreaches: number[];
}

export const MAX_TREND_DAYS = 31;

function dayIndex(at: number, firstDay: number, days: number): number | undefined {
  const i = Math.floor(at / MS_PER_DAY) - firstDay;
  return i >= 0 && i < days ? i : undefined;
}

/**
 * The alert, open-incident and SLA-breach series of the last `days` UTC days up to `now`.
 * Open incidents use the last close: an incident closed, reopened and closed again counts as open
 * until its last close. Example: `dailyTrend(alerts, incidents, now, 7).alerts.critical` → `[0,0,1,0,0,2,0]`.
 */
export function dailyTrend(
  alerts: readonly { createdAt: number; severity: Severity }[],
  incidents: readonly Incident[],
  now: number,
  days = 7,
): DailyTrend {
  const n = Math.min(Math.max(1, Math.floor(days)), MAX_TREND_DAYS);
  const firstDay = Math.floor(now / MS_PER_DAY) - n + 1;
  const zeros = (): number[] => Array.from({ length: n }, () => 0);
  const trend: DailyTrend = {
    days: Array.from({ length: n }, (_, i) =>
      new Date((firstDay + i) * MS_PER_DAY).toISOString().slice(0, 10),
    ),
    alerts: Object.fromEntries(severities.map((s) => [s, zeros()])) as Record<Severity, number[]>,
    openIncidents: zeros(),
    slaBreaches: zeros(),
  };
  for (const a of alerts) {
    if (a.createdAt > now) continue;
    const i = dayIndex(a.createdAt, firstDay, n);
    if (i !== undefined) trend.alerts[a.severity][i] = (trend.alerts[a.severity][i] ?? 0) + 1;
  }
  for (let i = 0; i < n; i++) {
    const end = Math.min((firstDay + i + 1) * MS_PER_DAY - 1, now);
    trend.openIncidents[i] = incidents.filter(
      (x) => x.createdAt <= end && (x.closedAt === undefined || x.closedAt > end),
    ).length;
  }
  for (const x of incidents) {
    for (const kind of ['acknowledge', 'resolve'] as const) {
      if (slaState(x, kind, now) !== 'breached') continue;
      const due = kind === 'acknowledge' ? x.sla.acknowledgeDueAt : x.sla.resolveDueAt;
      const i = due === undefined ? undefined : dayIndex(due, firstDay, n);
      if (i !== undefined) trend.slaBreaches[i] = (trend.slaBreaches[i] ?? 0) + 1;
    }
  }
  return trend;
}
