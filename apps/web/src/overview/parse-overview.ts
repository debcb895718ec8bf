// Reads overviews from the API (apps/server/src/overview/overview.schema.ts; times are epoch ms). Pure:
// a field of the wrong type reads as zero or absent instead of breaking the page.
import { obj, objects, str, strs } from '../admin/parse.ts';
import { num } from '../alerts/parse-alert.ts';

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'informational'] as const;
export type SeverityName = (typeof SEVERITIES)[number];

export interface ScoreInputView {
  readonly id: string;
  readonly label: string;
  readonly value: number;
  readonly weight: number;
  readonly contribution: number;
  readonly explanation: string;
}

export interface TopRow {
  readonly key: string;
  readonly label: string;
  readonly kind: string | undefined;
  readonly alerts: number;
  readonly hits: number;
  readonly severity: string;
  /** Rules only: raised by hand (API or import), so the title is the alert's own text. */
  readonly manual: boolean;
}

export interface WorkspaceRowView {
  readonly workspace: string;
  readonly score: number;
  readonly openAlerts: number;
  readonly openCriticalHigh: number;
  readonly openIncidents: number;
  readonly outstandingSlaBreaches: number;
  readonly alertsInPeriod: number;
  readonly ingestReceived: number;
  readonly ingestFailedOrDropped: number;
}

export interface SlaBreachView {
  readonly incidentId: string;
  readonly title: string;
  readonly severity: string;
  readonly kind: string;
  readonly dueAt: number;
  readonly overdueMs: number;
  readonly outstanding: boolean;
}

export interface OverviewView {
  readonly workspace: string;
  readonly generatedAt: number;
  readonly score: number;
  readonly minScore: number | undefined;
  readonly inputs: readonly ScoreInputView[];
  readonly openAlerts: Readonly<Record<SeverityName, number>>;
  readonly openAlertsTotal: number;
  readonly alertsInPeriod: number;
  readonly openIncidents: number;
  readonly slaOutstanding: number;
  readonly slaInPeriod: number;
  readonly mttaMs: number | undefined;
  readonly mttrMs: number | undefined;
  readonly trend: {
    readonly days: readonly string[];
    readonly alerts: Readonly<Record<SeverityName, readonly number[]>>;
    readonly openIncidents: readonly number[];
    readonly slaBreaches: readonly number[];
  };
  readonly topRules: readonly TopRow[];
  readonly topEntities: readonly TopRow[];
  readonly rules: { readonly total: number; readonly enabled: number };
  readonly ingest: {
    readonly sources: number;
    readonly received: number;
    readonly failed: number;
    readonly dropped: number;
    readonly rejected: number;
    readonly lastReceivedAt: number | undefined;
    readonly lagMaxMs: number;
  };
  readonly slaBreaches: readonly SlaBreachView[];
  /** Aggregated views only: one count-only row per included workspace. */
  readonly workspaces: readonly WorkspaceRowView[];
  /** Own overviews only: how many workspaces granted this one their aggregated view. */
  readonly crossWorkspaceSources: number;
}

const n = (v: unknown): number => num(v) ?? 0;
const nums = (v: unknown): number[] => (Array.isArray(v) ? (v as unknown[]).map(n) : []);
const bySeverity = <T>(v: unknown, read: (x: unknown) => T): Record<SeverityName, T> => {
  const o = obj(v);
  return Object.fromEntries(SEVERITIES.map((s) => [s, read(o[s])])) as Record<SeverityName, T>;
};

function topRow(o: Readonly<Record<string, unknown>>, key: string, label: string, kind?: string): TopRow {
  return {
    key,
    label,
    kind,
    alerts: n(o['alerts']),
    hits: n(o['hits']),
    severity: str(o['severity']) ?? 'medium',
    manual: o['manual'] === true,
  };
}

/** An overview of one workspace or an aggregate of several. */
export function parseOverview(body: unknown): OverviewView {
  const root = obj(body);
  const score = obj(root['score']);
  const alerts = obj(root['alerts']);
  const incidents = obj(root['incidents']);
  const breaches = obj(incidents['slaBreaches']);
  const trend = obj(root['trend']);
  const rules = obj(root['rules']);
  const ingest = obj(root['ingest']);
  return {
    workspace: str(root['workspace']) ?? '',
    generatedAt: n(root['generatedAt']),
    score: n(score['score']),
    minScore: num(root['minScore']),
    inputs: objects(score['inputs']).map((i) => ({
      id: str(i['id']) ?? '',
      label: str(i['label']) ?? str(i['id']) ?? '',
      value: n(i['value']),
      weight: n(i['weight']),
      contribution: n(i['contribution']),
      explanation: str(i['explanation']) ?? '',
    })),
    openAlerts: bySeverity(alerts['open'], n),
    openAlertsTotal: n(alerts['openTotal']),
    alertsInPeriod: n(alerts['createdInPeriod']),
    openIncidents: n(incidents['open']),
    slaOutstanding: n(breaches['outstanding']),
    slaInPeriod: n(breaches['inPeriod']),
    mttaMs: num(incidents['mttaMs']),
    mttrMs: num(incidents['mttrMs']),
    trend: {
      days: strs(trend['days']),
      alerts: bySeverity(trend['alerts'], nums),
      openIncidents: nums(trend['openIncidents']),
      slaBreaches: nums(trend['slaBreaches']),
    },
    topRules: objects(root['topRules']).map((r) => {
      const id = str(r['ruleId']) ?? '';
      return topRow(r, id, str(r['title']) ?? id);
    }),
    topEntities: objects(root['topEntities']).map((e) => {
      const key = str(e['key']) ?? '';
      return topRow(e, key, str(e['value']) ?? key, str(e['type']));
    }),
    rules: { total: n(rules['total']), enabled: n(rules['enabled']) },
    ingest: {
      sources: n(ingest['sources']),
      received: n(ingest['received']),
      failed: n(ingest['failed']),
      dropped: n(ingest['dropped']),
      rejected: n(ingest['rejected']),
      lastReceivedAt: num(ingest['lastReceivedAt']),
      lagMaxMs: n(ingest['lagMaxMs']),
    },
    slaBreaches: objects(root['slaBreaches']).map((b) => ({
      incidentId: str(b['incidentId']) ?? '',
      title: str(b['title']) ?? '',
      severity: str(b['severity']) ?? 'medium',
      kind: str(b['kind']) ?? '',
      dueAt: n(b['dueAt']),
      overdueMs: n(b['overdueMs']),
      outstanding: b['outstanding'] === true,
    })),
    workspaces: objects(root['workspaces']).map((w) => ({
      workspace: str(w['workspace']) ?? '',
      score: n(w['score']),
      openAlerts: n(w['openAlerts']),
      openCriticalHigh: n(w['openCriticalHigh']),
      openIncidents: n(w['openIncidents']),
      outstandingSlaBreaches: n(w['outstandingSlaBreaches']),
      alertsInPeriod: n(w['alertsInPeriod']),
      ingestReceived: n(w['ingestReceived']),
      ingestFailedOrDropped: n(w['ingestFailedOrDropped']),
    })),
    crossWorkspaceSources: n(root['crossWorkspaceSources']),
  };
}

export interface GrantView {
  readonly sourceWorkspace: string;
  readonly centralWorkspace: string;
  readonly grantedBy: string;
  readonly grantedAt: string | undefined;
}

/** `GET …/cross-workspace/grants`: what the workspace gave and received. */
export function parseGrants(body: unknown): { given: GrantView[]; received: GrantView[] } {
  const root = obj(body);
  const read = (v: unknown): GrantView[] =>
    objects(v).map((g) => ({
      sourceWorkspace: str(g['sourceWorkspace']) ?? '',
      centralWorkspace: str(g['centralWorkspace']) ?? '',
      grantedBy: str(g['grantedBy']) ?? '',
      grantedAt: str(g['grantedAt']),
    }));
  return { given: read(root['given']), received: read(root['received']) };
}
