import { Type } from '@sinclair/typebox';
import { scoreInputIds, severities, slaKinds, entityTypes } from '@vigil/cases';

// Response schemas of the overview routes. They also act as an allow-list: the serializer sends only
// the properties declared here, so an aggregate can never carry a field added to the pure types later.
const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const count = Type.Integer({ minimum: 0 });
const perSeverity = Type.Object(Object.fromEntries(severities.map((s) => [s, count])));
const seriesPerSeverity = Type.Object(Object.fromEntries(severities.map((s) => [s, Type.Array(count)])));

export const WorkspaceParams = Type.Object({ workspaceId: Type.String({ minLength: 1, maxLength: 64 }) });

const ScoreInput = Type.Object({
  id: literals(scoreInputIds),
  label: Type.String(),
  value: Type.Number(),
  weight: Type.Number(),
  health: Type.Number({ minimum: 0, maximum: 1 }),
  contribution: Type.Number(),
  explanation: Type.String(),
});

const TopRule = Type.Object({
  ruleId: Type.String(),
  title: Type.String(),
  alerts: count,
  hits: count,
  severity: literals(severities),
  manual: Type.Boolean(),
});

const TopEntity = Type.Object({
  key: Type.String(),
  type: literals(entityTypes),
  value: Type.String(),
  alerts: count,
  hits: count,
  severity: literals(severities),
});

/** Times are epoch ms; `trend.days` are UTC dates `YYYY-MM-DD`, oldest first. */
const figures = {
  generatedAt: Type.Number(),
  from: Type.Number(),
  days: Type.Integer(),
  score: Type.Object({ score: Type.Integer({ minimum: 0, maximum: 100 }), inputs: Type.Array(ScoreInput) }),
  alerts: Type.Object({ open: perSeverity, openTotal: count, createdInPeriod: count }),
  incidents: Type.Object({
    open: count,
    openBySeverity: perSeverity,
    slaBreaches: Type.Object({ outstanding: count, inPeriod: count }),
    acknowledged: count,
    closed: count,
    mttaMs: Type.Optional(Type.Number()),
    mttrMs: Type.Optional(Type.Number()),
  }),
  trend: Type.Object({
    days: Type.Array(Type.String()),
    alerts: seriesPerSeverity,
    openIncidents: Type.Array(count),
    slaBreaches: Type.Array(count),
  }),
  topRules: Type.Array(TopRule),
  topEntities: Type.Array(TopEntity),
  rules: Type.Object({ total: count, enabled: count }),
  ingest: Type.Object({
    sources: count,
    received: count,
    parsed: count,
    failed: count,
    dropped: count,
    rejected: count,
    lastReceivedAt: Type.Optional(Type.Number()),
    lagMaxMs: Type.Number(),
  }),
};

export const WorkspaceOverviewReply = Type.Object({
  workspace: Type.String(),
  ...figures,
  /** Workspaces that granted this one their aggregated overview (see cross-workspace/overview). */
  crossWorkspaceSources: count,
  slaBreaches: Type.Array(
    Type.Object({
      incidentId: Type.String(),
      title: Type.String(),
      severity: literals(severities),
      owner: Type.Optional(Type.String()),
      kind: literals(slaKinds),
      dueAt: Type.Number(),
      doneAt: Type.Optional(Type.Number()),
      overdueMs: Type.Number(),
      outstanding: Type.Boolean(),
    }),
  ),
});

const WorkspaceRow = Type.Object({
  workspace: Type.String(),
  score: Type.Integer(),
  weight: Type.Number(),
  openAlerts: count,
  openCriticalHigh: count,
  openIncidents: count,
  outstandingSlaBreaches: count,
  alertsInPeriod: count,
  ingestReceived: count,
  ingestFailedOrDropped: count,
});

/** The aggregate of the workspaces granted to this one: figures and count-only rows, no alert or incident. */
export const AggregateOverviewReply = Type.Object({
  workspace: Type.String(),
  ...figures,
  workspaces: Type.Array(WorkspaceRow),
  minScore: Type.Optional(Type.Integer()),
});
