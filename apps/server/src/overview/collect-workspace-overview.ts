import { MS_PER_DAY } from '@vigil/core';
import {
  buildWorkspaceOverview,
  type Alert,
  type AlertRepository,
  type Incident,
  type IncidentRepository,
  type IngestHealth,
  type WorkspaceOverview,
} from '@vigil/cases';

const PAGE = 1000;

/** Where an overview reads from; every read names the one workspace it is for. */
export interface OverviewSources {
  alerts: Pick<AlertRepository, 'list'>;
  incidents: Pick<IncidentRepository, 'list'>;
  /** Stored rules of a workspace (filters are not detection rules and are not counted). */
  rules: { all(workspace: string): Promise<{ data: { type: string; enabled: boolean } }[]> };
  /** This process's per-source ingest counters of a workspace. */
  ingest: {
    snapshot(workspace: string): {
      received: number;
      parsed: number;
      failed: number;
      dropped: number;
      rejected: number;
      lagMaxMs: number;
      lastReceivedAt: number;
    }[];
  };
}

async function all<T extends { id: string }>(
  list: (after: string | undefined) => Promise<T[]>,
): Promise<T[]> {
  const out: T[] = [];
  for (let after: string | undefined; ;) {
    const page = await list(after);
    out.push(...page);
    if (page.length < PAGE) return out;
    after = page.at(-1)?.id;
  }
}

const page = (after: string | undefined) => ({ limit: PAGE, ...(after === undefined ? {} : { after }) });

function ingestHealth(rows: ReturnType<OverviewSources['ingest']['snapshot']>): IngestHealth {
  const total = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + pick(r), 0);
  const last = Math.max(0, ...rows.map((r) => r.lastReceivedAt));
  return {
    sources: rows.length,
    received: total((r) => r.received),
    parsed: total((r) => r.parsed),
    failed: total((r) => r.failed),
    dropped: total((r) => r.dropped),
    rejected: total((r) => r.rejected),
    lagMaxMs: Math.max(0, ...rows.map((r) => r.lagMaxMs)),
    ...(last === 0 ? {} : { lastReceivedAt: last }),
  };
}

/**
 * The overview of one workspace at `now` over the last `days` UTC days. Every store call is scoped to
 * `workspace` (PostgreSQL row-level security applies per call), so a cross-workspace aggregate is built
 * by calling this once per granted workspace — never by a query spanning workspaces.
 */
export async function collectWorkspaceOverview(
  sources: OverviewSources,
  workspace: string,
  now: number,
  days = 7,
): Promise<WorkspaceOverview> {
  const from = (Math.floor(now / MS_PER_DAY) - days + 1) * MS_PER_DAY;
  const notClosed = ['open', 'in_progress'] as const;
  const [recentAlerts, openAlerts, openIncidents, recentIncidents, rules] = await Promise.all([
    all<Alert>((after) => sources.alerts.list(workspace, { createdFrom: from, ...page(after) })),
    all<Alert>((after) => sources.alerts.list(workspace, { status: notClosed, ...page(after) })),
    all<Incident>((after) => sources.incidents.list(workspace, { status: notClosed, ...page(after) })),
    all<Incident>((after) => sources.incidents.list(workspace, { createdFrom: from, ...page(after) })),
    sources.rules.all(workspace),
  ]);
  const detectionRules = rules.filter((r) => r.data.type !== 'filter');
  return buildWorkspaceOverview({
    workspace,
    now,
    days,
    recentAlerts,
    openAlertSeverities: openAlerts.map((a) => a.severity),
    incidents: [...openIncidents, ...recentIncidents],
    rules: { total: detectionRules.length, enabled: detectionRules.filter((r) => r.data.enabled).length },
    ingest: ingestHealth(sources.ingest.snapshot(workspace)),
  });
}
