import type { Alert } from '../alerts/alert.ts';
import { severities, type Severity } from '../alerts/severity.ts';
import type { Incident } from '../incidents/incident.ts';
import { responseMetrics } from '../metrics/response-metrics.ts';
import { slaBreachList, type SlaBreachRow } from '../metrics/sla-breach-list.ts';
import { dailyTrend, type DailyTrend } from './daily-trend.ts';
import {
  defaultScoreTargets,
  securityScore,
  type ScoreTargets,
  type SecurityScore,
} from './security-score.ts';
import { topEntities, type TopEntity } from './top-entities.ts';
import { topRules, type TopRule } from './top-rules.ts';

/** Ingest counters of a workspace's sources, summed (since the ingesting process started). */
export interface IngestHealth {
  sources: number;
  received: number;
  parsed: number;
  failed: number;
  dropped: number;
  rejected: number;
  /** Epoch ms of the last record received by any source; undefined when none was. */
  lastReceivedAt?: number;
  /** The largest lag of the sources' last batches, ms. */
  lagMaxMs: number;
}

/** The figures an overview shows, for one workspace or summed over several. */
export interface OverviewFigures {
  generatedAt: number;
  /** Start of the trend window (00:00 UTC of its first day) and its length in days. */
  from: number;
  days: number;
  score: SecurityScore;
  alerts: { open: Record<Severity, number>; openTotal: number; createdInPeriod: number };
  incidents: {
    open: number;
    openBySeverity: Record<Severity, number>;
    /** SLA targets missed and still not met / missed with a due time in the window. */
    slaBreaches: { outstanding: number; inPeriod: number };
    /** Of incidents created in the window: how many were acknowledged/closed, and the mean times. */
    acknowledged: number;
    closed: number;
    mttaMs?: number;
    mttrMs?: number;
  };
  trend: DailyTrend;
  topRules: TopRule[];
  topEntities: TopEntity[];
  rules: { total: number; enabled: number };
  ingest: IngestHealth;
}

/** The situation of one workspace: the figures plus its most overdue SLA breaches. */
export interface WorkspaceOverview extends OverviewFigures {
  workspace: string;
  /** Outstanding breaches first, most overdue first; at most 10. */
  slaBreaches: Omit<SlaBreachRow, 'workspace'>[];
}

export interface OverviewInput {
  workspace: string;
  now: number;
  days?: number;
  /** Alerts created in the window (older ones are ignored). */
  recentAlerts: readonly Alert[];
  /** Severities of the alerts not closed, whenever created. */
  openAlertSeverities: readonly Severity[];
  /** Incidents not closed, and those created in the window (duplicates are ignored). */
  incidents: readonly Incident[];
  rules: { total: number; enabled: number };
  ingest: IngestHealth;
  targets?: ScoreTargets;
  /** Rows of the top-rules and top-entities tables, default 10. */
  topLimit?: number;
}

export const MAX_SLA_BREACH_ROWS = 10;

const bySeverity = (values: readonly Severity[]): Record<Severity, number> => {
  const out = Object.fromEntries(severities.map((s) => [s, 0])) as Record<Severity, number>;
  for (const s of values) out[s] += 1;
  return out;
};

/**
 * Builds the overview of one workspace from what its stores hold at `now`.
 * Example: `buildWorkspaceOverview({ workspace: 'default', now, recentAlerts, … }).score.score` → 72.
 */
export function buildWorkspaceOverview(input: OverviewInput): WorkspaceOverview {
  const { now } = input;
  const trend = dailyTrend(input.recentAlerts, dedupe(input.incidents), now, input.days ?? 7);
  const days = trend.days.length;
  const from = Date.parse(`${trend.days[0] ?? ''}T00:00:00Z`);
  const recent = input.recentAlerts.filter((a) => a.createdAt >= from && a.createdAt <= now);
  const incidents = dedupe(input.incidents);
  const open = incidents.filter((i) => i.status !== 'closed');
  const breaches = slaBreachList(incidents, now).sort(
    (a, b) => Number(b.outstanding) - Number(a.outstanding) || b.overdueMs - a.overdueMs,
  );
  const outstanding = breaches.filter((b) => b.outstanding).length;
  const response = responseMetrics(incidents, from, now + 1)[0]?.overall;
  const openAlerts = bySeverity(input.openAlertSeverities);
  const limit = input.topLimit ?? 10;
  const incidentsFigures: OverviewFigures['incidents'] = {
    open: open.length,
    openBySeverity: bySeverity(open.map((i) => i.severity)),
    slaBreaches: { outstanding, inPeriod: trend.slaBreaches.reduce((s, n) => s + n, 0) },
    acknowledged: response?.acknowledged ?? 0,
    closed: response?.closed ?? 0,
    ...(response?.mttaMs === undefined ? {} : { mttaMs: response.mttaMs }),
    ...(response?.mttrMs === undefined ? {} : { mttrMs: response.mttrMs }),
  };
  return {
    workspace: input.workspace,
    generatedAt: now,
    from,
    days,
    score: securityScore(
      {
        openAlerts,
        openIncidents: open.length,
        outstandingSlaBreaches: outstanding,
        ...(response?.mttaMs === undefined ? {} : { mttaMs: response.mttaMs }),
        ...(response?.mttrMs === undefined ? {} : { mttrMs: response.mttrMs }),
        enabledRules: input.rules.enabled,
        ingest: input.ingest,
      },
      input.targets ?? defaultScoreTargets,
    ),
    alerts: {
      open: openAlerts,
      openTotal: input.openAlertSeverities.length,
      createdInPeriod: recent.length,
    },
    incidents: incidentsFigures,
    slaBreaches: breaches.slice(0, MAX_SLA_BREACH_ROWS).map(({ workspace: _w, ...row }) => row),
    trend,
    topRules: topRules(recent, limit),
    topEntities: topEntities(recent, limit),
    rules: { ...input.rules },
    ingest: { ...input.ingest },
  };
}

function dedupe(incidents: readonly Incident[]): Incident[] {
  const seen = new Map<string, Incident>();
  for (const i of incidents) seen.set(i.id, i);
  return [...seen.values()];
}
