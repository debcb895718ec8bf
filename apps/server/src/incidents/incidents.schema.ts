import { Type, type Static } from '@sinclair/typebox';
import { closeReasons, incidentStatuses, irStages, severities } from '@vigil/cases';
import { AlertView } from '../alerts/alerts.schema.ts';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const id = Type.String({ minLength: 1, maxLength: 200 });
const workspaceId = Type.String({ minLength: 1, maxLength: 64 });

export const WorkspaceParams = Type.Object({ workspaceId });
export const IncidentParams = Type.Object({ workspaceId, incidentId: id });

export const IncidentListQuery = Type.Object(
  {
    status: Type.Optional(
      Type.String({ maxLength: 200, description: `Comma-separated: ${incidentStatuses.join(', ')}` }),
    ),
    severity: Type.Optional(
      Type.String({ maxLength: 200, description: `Comma-separated: ${severities.join(', ')}` }),
    ),
    owner: Type.Optional(Type.String({ maxLength: 200 })),
    entity: Type.Optional(Type.String({ maxLength: 1000, description: 'Entity key, e.g. host:ws01' })),
    from: Type.Optional(Type.String({ maxLength: 64, description: 'Created at or after (ISO-8601)' })),
    to: Type.Optional(Type.String({ maxLength: 64, description: 'Created before (ISO-8601)' })),
    limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,4}$', description: '1..1000 (default 100)' })),
    after: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type IncidentListQuery = Static<typeof IncidentListQuery>;

/** An incident as stored (times are epoch ms); see packages/cases/src/incidents/incident.ts. */
export const IncidentView = Type.Object(
  {
    id: Type.String(),
    workspace: Type.String(),
    version: Type.Integer(),
    title: Type.String(),
    status: literals(incidentStatuses),
    severity: literals(severities),
    stage: literals(irStages),
    owner: Type.Optional(Type.String()),
    labels: Type.Array(Type.String()),
    alertIds: Type.Array(Type.String()),
    entityKeys: Type.Array(Type.String()),
    tactics: Type.Array(Type.String()),
    createdAt: Type.Number(),
    updatedAt: Type.Number(),
    closeReason: Type.Optional(literals(closeReasons)),
    mergedInto: Type.Optional(Type.String()),
    splitFrom: Type.Optional(Type.String()),
  },
  { additionalProperties: true },
);

export const IncidentListReply = Type.Object({
  incidents: Type.Array(IncidentView),
  next: Type.Optional(Type.String()),
});

export const IncidentDetailReply = Type.Object({
  incident: IncidentView,
  alerts: Type.Array(AlertView),
  timeline: Type.Array(Type.Object({}, { additionalProperties: true })),
  killChain: Type.Object({}, { additionalProperties: true }),
  sla: Type.Object({ acknowledge: Type.String(), resolve: Type.String() }),
});

export const IncidentCreateBody = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    description: Type.Optional(Type.String({ maxLength: 10_000 })),
    severity: Type.Optional(literals(severities)),
    owner: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    alertIds: Type.Optional(Type.Array(id, { maxItems: 1000 })),
  },
  { additionalProperties: false },
);
export type IncidentCreateBody = Static<typeof IncidentCreateBody>;

export const IncidentPatchBody = Type.Object(
  {
    status: Type.Optional(literals(incidentStatuses)),
    closeReason: Type.Optional(literals(closeReasons)),
    closeComment: Type.Optional(Type.String({ maxLength: 10_000 })),
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    description: Type.Optional(Type.Union([Type.String({ maxLength: 10_000 }), Type.Null()])),
    owner: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 200 }), Type.Null()])),
    severity: Type.Optional(literals(severities)),
    stage: Type.Optional(literals(irStages)),
    plannedClosureAt: Type.Optional(
      Type.Union([Type.String({ maxLength: 64, description: 'ISO-8601' }), Type.Null()]),
    ),
    labels: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 100 })),
    version: Type.Optional(Type.Integer({ minimum: 1, description: 'Fails with 409 when stale' })),
  },
  { additionalProperties: false },
);
export type IncidentPatchBody = Static<typeof IncidentPatchBody>;

export const AlertIdsBody = Type.Object(
  { alertIds: Type.Array(id, { minItems: 1, maxItems: 1000 }) },
  { additionalProperties: false },
);
export const MergeBody = Type.Object(
  {
    sourceIds: Type.Array(id, { minItems: 1, maxItems: 100, description: 'Incidents merged into this one' }),
  },
  { additionalProperties: false },
);
export const CommentBody = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: 10_000, description: '@name mentions are recorded' }) },
  { additionalProperties: false },
);

export const MetricsQuery = Type.Object(
  {
    from: Type.String({ minLength: 1, maxLength: 64, description: 'ISO-8601, inclusive (creation time)' }),
    to: Type.String({ minLength: 1, maxLength: 64, description: 'ISO-8601, exclusive' }),
  },
  { additionalProperties: false },
);

const Figures = Type.Object({
  count: Type.Integer(),
  acknowledged: Type.Integer(),
  closed: Type.Integer(),
  mttaMs: Type.Optional(Type.Number()),
  mttaMedianMs: Type.Optional(Type.Number()),
  mttrMs: Type.Optional(Type.Number()),
  mttrMedianMs: Type.Optional(Type.Number()),
});
const PerSeverity = Type.Object({
  overall: Figures,
  bySeverity: Type.Record(Type.String(), Figures),
});
export const MetricsReply = Type.Object({
  from: Type.Number(),
  to: Type.Number(),
  incidents: PerSeverity,
  alerts: PerSeverity,
  slaBreaches: Type.Array(
    Type.Object({
      incidentId: Type.String(),
      title: Type.String(),
      severity: Type.String(),
      owner: Type.Optional(Type.String()),
      kind: Type.String(),
      dueAt: Type.Number(),
      doneAt: Type.Optional(Type.Number()),
      overdueMs: Type.Number(),
      outstanding: Type.Boolean(),
    }),
  ),
});
