import { Type, type Static } from '@sinclair/typebox';
import { entityTypes, graphEdgeKinds, severities } from '@vigil/cases';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const workspaceId = Type.String({ minLength: 1, maxLength: 64 });
const id = Type.String({ minLength: 1, maxLength: 200 });
const duration = Type.String({
  maxLength: 12,
  description: 'Margin such as 30m, 2h, 1d (bare numbers are seconds); 0..7d, default 1h',
});
const limit = (max: number, fallback: number) =>
  Type.String({ pattern: '^[0-9]{1,5}$', description: `1..${max} (default ${fallback})` });
const doc = Type.Record(Type.String(), Type.Unknown());

export const WorkspaceParams = Type.Object({ workspaceId });
export const AlertParams = Type.Object({ workspaceId, alertId: id });
export const IncidentParams = Type.Object({ workspaceId, incidentId: id });
export const EntityParams = Type.Object({
  workspaceId,
  kind: Type.String({ maxLength: 32, description: 'host, user or ip' }),
  value: Type.String({ minLength: 1, maxLength: 1000 }),
});

export const TimelineQuery = Type.Object(
  { before: Type.Optional(duration), after: Type.Optional(duration), limit: Type.Optional(limit(1000, 200)) },
  { additionalProperties: false },
);
export type TimelineQuery = Static<typeof TimelineQuery>;

export const GraphQuery = Type.Object(
  {
    before: Type.Optional(duration),
    after: Type.Optional(duration),
    limit: Type.Optional(limit(300, 150)),
  },
  { additionalProperties: false },
);
export type GraphQuery = Static<typeof GraphQuery>;

export const EntityQuery = Type.Object(
  {
    days: Type.Optional(
      Type.String({ pattern: '^[0-9]{1,3}$', description: 'Look back this many days, 1..90 (default 30)' }),
    ),
    at: Type.Optional(
      Type.String({
        maxLength: 64,
        description: 'ISO-8601: centre a ±before/after window here instead of days',
      }),
    ),
    before: Type.Optional(duration),
    after: Type.Optional(duration),
    limit: Type.Optional(limit(200, 50)),
  },
  { additionalProperties: false },
);
export type EntityQuery = Static<typeof EntityQuery>;

export const ExpandBody = Type.Object(
  {
    kind: Type.String({ maxLength: 32, description: `One of ${entityTypes.join(', ')}` }),
    value: Type.String({
      minLength: 1,
      maxLength: 2000,
      description: 'The node value (processes may end in #pid)',
    }),
    from: Type.String({ maxLength: 64, description: 'ISO-8601: the graph window start' }),
    to: Type.String({
      maxLength: 64,
      description: 'ISO-8601: the graph window end (at most 14 days after from)',
    }),
    knownEventIds: Type.Optional(
      Type.Array(Type.String({ maxLength: 200 }), {
        maxItems: 5000,
        description: 'Events the graph already counts (its eventIds): not counted again',
      }),
    ),
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 1000, description: 'Events to read, default 200' }),
    ),
  },
  { additionalProperties: false },
);
export type ExpandBody = Static<typeof ExpandBody>;

export const TimelineReply = Type.Object({
  from: Type.Number(),
  to: Type.Number(),
  truncated: Type.Boolean(),
  entries: Type.Array(
    Type.Object({
      id: Type.String(),
      at: Type.Number(),
      alertIds: Type.Array(Type.String()),
      entityKeys: Type.Array(Type.String()),
      event: doc,
    }),
  ),
});

export const GraphReply = Type.Object({
  from: Type.Number(),
  to: Type.Number(),
  truncated: Type.Boolean(),
  eventIds: Type.Array(Type.String()),
  nodes: Type.Array(
    Type.Object({
      id: Type.String(),
      kind: literals([...entityTypes, 'alert']),
      value: Type.String(),
      label: Type.String(),
      events: Type.Integer(),
      severity: Type.Optional(literals(severities)),
    }),
  ),
  edges: Type.Array(
    Type.Object({
      id: Type.String(),
      kind: literals(graphEdgeKinds),
      source: Type.String(),
      target: Type.String(),
      weight: Type.Integer(),
    }),
  ),
});

const caseSummary = {
  id: Type.String(),
  title: Type.String(),
  severity: literals(severities),
  status: Type.String(),
  firstSeenAt: Type.Number(),
  lastSeenAt: Type.Number(),
};

export const EntityReply = Type.Object({
  kind: literals(entityTypes),
  value: Type.String(),
  key: Type.String(),
  from: Type.Number(),
  to: Type.Number(),
  /** Set when the page shows a window around this time. */
  at: Type.Optional(Type.Number()),
  firstSeenAt: Type.Optional(Type.Number()),
  lastSeenAt: Type.Optional(Type.Number()),
  alerts: Type.Array(Type.Object({ ...caseSummary, incidentId: Type.Optional(Type.String()) })),
  incidents: Type.Array(Type.Object(caseSummary)),
  recentEvents: Type.Array(doc),
  eventsTruncated: Type.Boolean(),
});
