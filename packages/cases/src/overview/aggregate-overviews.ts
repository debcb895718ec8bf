import { maxSeverity, severities, type Severity } from '../alerts/severity.ts';
import { dailyTrend, type DailyTrend } from './daily-trend.ts';
import { scoreInputIds, scoreWeights, type ScoreInput, type ScoreInputId } from './security-score.ts';
import { byAlertsThenHits, topLimit, type TopRule } from './top-rules.ts';
import type { IngestHealth, OverviewFigures, WorkspaceOverview } from './workspace-overview.ts';

/** One workspace's line in an aggregated view: counts only, nothing that identifies an alert or event. */
export interface WorkspaceRow {
  workspace: string;
  score: number;
  /** The weight of this workspace in the aggregated score: 1 + its alerts of the period. */
  weight: number;
  openAlerts: number;
  openCriticalHigh: number;
  openIncidents: number;
  outstandingSlaBreaches: number;
  alertsInPeriod: number;
  ingestReceived: number;
  ingestFailedOrDropped: number;
}

/** The overview of several workspaces: summed figures, a weighted score and one row per workspace. */
export interface AggregateOverview extends OverviewFigures {
  /** The workspace the view is for (the central team's). */
  workspace: string;
  workspaces: WorkspaceRow[];
  /** The lowest score among the workspaces; undefined when there are none. */
  minScore?: number;
}

/** Inputs whose value is a count: summed across workspaces; the others (ratios) are weighted means. */
const COUNT_INPUTS: ReadonlySet<ScoreInputId> = new Set([
  'open_critical_high_alerts',
  'open_incidents',
  'sla_breaches',
  'detection_coverage',
]);

const round2 = (x: number): number => Math.round(x * 100) / 100;
const sum = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);
const sumSeries = (rows: readonly (readonly number[])[], n: number): number[] =>
  Array.from({ length: n }, (_, i) => sum(rows.map((r) => r[i] ?? 0)));
const sumBySeverity = (rows: readonly Record<Severity, number>[]): Record<Severity, number> =>
  Object.fromEntries(severities.map((s) => [s, sum(rows.map((r) => r[s]))])) as Record<Severity, number>;

/** Mean of `value` weighted by `count`, or undefined when no workspace has data. */
function weightedMean(rows: readonly { value: number | undefined; count: number }[]): number | undefined {
  const withData = rows.filter((r) => r.value !== undefined && r.count > 0);
  const total = sum(withData.map((r) => r.count));
  return total === 0 ? undefined : sum(withData.map((r) => (r.value ?? 0) * r.count)) / total;
}

function mergeTop<T extends { alerts: number; hits: number; severity: Severity }>(
  lists: readonly (readonly T[])[],
  key: (row: T) => string,
  limit: number,
): T[] {
  const rows = new Map<string, T>();
  for (const row of lists.flat()) {
    const k = key(row);
    const cur = rows.get(k);
    if (cur === undefined) rows.set(k, { ...row });
    else {
      cur.alerts += row.alerts;
      cur.hits += row.hits;
      cur.severity = maxSeverity(cur.severity, row.severity);
    }
  }
  return [...rows.values()].sort(byAlertsThenHits(key)).slice(0, topLimit(limit));
}

function mergeTrend(trends: readonly DailyTrend[], fallback: DailyTrend): DailyTrend {
  const n = fallback.days.length;
  return {
    days: [...fallback.days],
    alerts: Object.fromEntries(
      severities.map((s) => [
        s,
        sumSeries(
          trends.map((t) => t.alerts[s]),
          n,
        ),
      ]),
    ) as Record<Severity, number[]>,
    openIncidents: sumSeries(
      trends.map((t) => t.openIncidents),
      n,
    ),
    slaBreaches: sumSeries(
      trends.map((t) => t.slaBreaches),
      n,
    ),
  };
}

function mergeIngest(rows: readonly IngestHealth[]): IngestHealth {
  const last = Math.max(0, ...rows.map((r) => r.lastReceivedAt ?? 0));
  return {
    sources: sum(rows.map((r) => r.sources)),
    received: sum(rows.map((r) => r.received)),
    parsed: sum(rows.map((r) => r.parsed)),
    failed: sum(rows.map((r) => r.failed)),
    dropped: sum(rows.map((r) => r.dropped)),
    rejected: sum(rows.map((r) => r.rejected)),
    lagMaxMs: Math.max(0, ...rows.map((r) => r.lagMaxMs)),
    ...(last === 0 ? {} : { lastReceivedAt: last }),
  };
}

function mergeInputs(overviews: readonly WorkspaceOverview[], weights: readonly number[]): ScoreInput[] {
  const total = sum(weights);
  const n = overviews.length;
  return scoreInputIds.map((id) => {
    const parts = overviews.map((o) => o.score.inputs.find((i) => i.id === id));
    const label = parts.find((p) => p !== undefined)?.label ?? id;
    const mean = (pick: (p: ScoreInput) => number) =>
      total === 0 ? 0 : sum(parts.map((p, k) => (p === undefined ? 0 : pick(p) * (weights[k] ?? 0)))) / total;
    const counted = COUNT_INPUTS.has(id);
    const value = counted ? sum(parts.map((p) => p?.value ?? 0)) : round2(mean((p) => p.value));
    return {
      id,
      label,
      value,
      weight: scoreWeights[id],
      health: round2(mean((p) => p.health)),
      contribution: round2(mean((p) => p.contribution)),
      explanation:
        n === 0
          ? 'No workspace is included.'
          : `${counted ? `${value} in total` : `${value} on average`} across ${n} workspace${n === 1 ? '' : 's'}; ` +
            'the points are the mean of the workspaces’ points, each weighted by 1 + its alerts of the period.',
    };
  });
}

/**
 * Aggregates the overviews of several workspaces for `workspace` (a central team's view): counts and
 * series are summed, top detection rules merged from each workspace's top rows (so the merged top is
 * of those rows; hand-made alerts' titles are left out), entities left out (their values identify people and assets of the granting workspace), MTTA/MTTR are means weighted by acknowledged/closed incidents, and the score is the
 * mean of the workspaces' scores weighted by 1 + their alerts of the period (a busy workspace weighs
 * more than a quiet one), with each input's points combined the same way.
 * Example: `aggregateOverviews('soc', [a, b], now).workspaces.map((r) => r.workspace)` → `['a', 'b']`.
 */
export function aggregateOverviews(
  workspace: string,
  overviews: readonly WorkspaceOverview[],
  now: number,
  days = 7,
  topRows = 10,
): AggregateOverview {
  // The window of an empty aggregate; the workspaces' overviews share it when built at the same `now`.
  const window = dailyTrend([], [], now, days);
  const weights = overviews.map((o) => 1 + o.alerts.createdInPeriod);
  const totalWeight = sum(weights);
  const inputs = mergeInputs(overviews, weights);
  const mtta = weightedMean(
    overviews.map((o) => ({ value: o.incidents.mttaMs, count: o.incidents.acknowledged })),
  );
  const mttr = weightedMean(overviews.map((o) => ({ value: o.incidents.mttrMs, count: o.incidents.closed })));
  const scores = overviews.map((o) => o.score.score);
  const out: AggregateOverview = {
    workspace,
    generatedAt: now,
    from: Date.parse(`${window.days[0] ?? ''}T00:00:00Z`),
    days: window.days.length,
    score: {
      score:
        totalWeight === 0 ? 0 : Math.round(sum(scores.map((s, k) => s * (weights[k] ?? 0))) / totalWeight),
      inputs,
    },
    alerts: {
      open: sumBySeverity(overviews.map((o) => o.alerts.open)),
      openTotal: sum(overviews.map((o) => o.alerts.openTotal)),
      createdInPeriod: sum(overviews.map((o) => o.alerts.createdInPeriod)),
    },
    incidents: {
      open: sum(overviews.map((o) => o.incidents.open)),
      openBySeverity: sumBySeverity(overviews.map((o) => o.incidents.openBySeverity)),
      slaBreaches: {
        outstanding: sum(overviews.map((o) => o.incidents.slaBreaches.outstanding)),
        inPeriod: sum(overviews.map((o) => o.incidents.slaBreaches.inPeriod)),
      },
      acknowledged: sum(overviews.map((o) => o.incidents.acknowledged)),
      closed: sum(overviews.map((o) => o.incidents.closed)),
      ...(mtta === undefined ? {} : { mttaMs: mtta }),
      ...(mttr === undefined ? {} : { mttrMs: mttr }),
    },
    trend: mergeTrend(
      overviews.map((o) => o.trend),
      window,
    ),
    // Hand-made alerts (API, import) have no rule: their "rule title" is the alert's own text.
    topRules: mergeTop<TopRule>(
      overviews.map((o) => o.topRules.filter((r) => !r.manual)),
      (r) => r.ruleId,
      topRows,
    ),
    // Entity values (host and user names, addresses) identify people and assets of the granting
    // tenant: they stay in their workspace, the aggregate has no entity rows.
    topEntities: [],
    rules: {
      total: sum(overviews.map((o) => o.rules.total)),
      enabled: sum(overviews.map((o) => o.rules.enabled)),
    },
    ingest: mergeIngest(overviews.map((o) => o.ingest)),
    workspaces: overviews.map((o, k) => ({
      workspace: o.workspace,
      score: o.score.score,
      weight: weights[k] ?? 1,
      openAlerts: o.alerts.openTotal,
      openCriticalHigh: o.alerts.open.critical + o.alerts.open.high,
      openIncidents: o.incidents.open,
      outstandingSlaBreaches: o.incidents.slaBreaches.outstanding,
      alertsInPeriod: o.alerts.createdInPeriod,
      ingestReceived: o.ingest.received,
      ingestFailedOrDropped: o.ingest.failed + o.ingest.dropped,
    })),
  };
  if (scores.length > 0) out.minScore = Math.min(...scores);
  return out;
}
