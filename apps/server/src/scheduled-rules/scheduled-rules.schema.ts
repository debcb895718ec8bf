import { Type, type Static } from '@sinclair/typebox';
import { alertGroupings, severities, triggerFunctions, triggerKinds, triggerOperators } from '@vigil/cases';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

export const WorkspaceParams = Type.Object({ workspaceId: Type.String({ minLength: 1, maxLength: 64 }) });
export const RuleParams = Type.Object({
  workspaceId: Type.String({ minLength: 1, maxLength: 64 }),
  id: Type.String({ minLength: 1, maxLength: 64 }),
});

const Trigger = Type.Object(
  {
    kind: literals(triggerKinds),
    fn: Type.Optional(literals(triggerFunctions)),
    field: Type.Optional(Type.String({ maxLength: 200 })),
    operator: literals(triggerOperators),
    threshold: Type.Number(),
    groupBy: Type.Optional(Type.Array(Type.String({ maxLength: 200 }), { maxItems: 10 })),
  },
  { additionalProperties: false },
);

/** The shape only; scheduledRuleInput then checks meaning (query parse, limits) and names each field. */
const ruleFields = {
  name: Type.String({ maxLength: 200 }),
  description: Type.Optional(Type.String({ maxLength: 10_000 })),
  query: Type.String({ maxLength: 10_000, description: 'Query-language text returning events' }),
  dataSpaces: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 100 })),
  intervalSeconds: Type.Integer({ description: 'How often it runs (≥ 60)' }),
  lookbackSeconds: Type.Optional(
    Type.Integer({ description: 'Query window ending at the interval end (≥ interval)' }),
  ),
  delaySeconds: Type.Optional(
    Type.Integer({ description: 'Wait for late events before covering an interval' }),
  ),
  trigger: Trigger,
  severity: Type.Optional(literals(severities)),
  grouping: Type.Optional(literals(alertGroupings)),
  suppressionSeconds: Type.Optional(Type.Integer()),
  enabled: Type.Optional(Type.Boolean()),
  simulation: Type.Optional(Type.Boolean()),
  tags: Type.Optional(Type.Array(Type.String({ maxLength: 200 }), { maxItems: 50 })),
};

export const CreateBody = Type.Object(ruleFields, { additionalProperties: false });
export type CreateBody = Static<typeof CreateBody>;
export const UpdateBody = Type.Object(
  { ...ruleFields, version: Type.Integer({ minimum: 1, description: 'The version you read' }) },
  { additionalProperties: false },
);
export type UpdateBody = Static<typeof UpdateBody>;

export const RunsQuery = Type.Object({
  from: Type.Optional(
    Type.String({ minLength: 1, maxLength: 64, description: 'ISO-8601: runs starting at or after' }),
  ),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
});
export type RunsQuery = Static<typeof RunsQuery>;

export const SimulateBody = Type.Object(
  {
    from: Type.String({
      minLength: 1,
      maxLength: 64,
      description: 'ISO-8601 start of event time (inclusive)',
    }),
    to: Type.String({ minLength: 1, maxLength: 64, description: 'ISO-8601 end of event time (exclusive)' }),
  },
  { additionalProperties: false },
);
export type SimulateBody = Static<typeof SimulateBody>;
