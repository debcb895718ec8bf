import { Type, type Static } from '@sinclair/typebox';
import { alertStatuses, closeReasons, severities, verifications } from '@vigil/cases';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const id = Type.String({ minLength: 1, maxLength: 200 });

export const WorkspaceParams = Type.Object({ workspaceId: Type.String({ minLength: 1, maxLength: 64 }) });
export const AlertParams = Type.Object({
  workspaceId: Type.String({ minLength: 1, maxLength: 64 }),
  alertId: id,
});
export const SuppressionParams = Type.Object({
  workspaceId: Type.String({ minLength: 1, maxLength: 64 }),
  suppressionId: id,
});

/** Comma-separated values (`status=open,in_progress`) and times (ISO-8601 or epoch ms). */
export const AlertListQuery = Type.Object(
  {
    status: Type.Optional(
      Type.String({ maxLength: 200, description: `Comma-separated: ${alertStatuses.join(', ')}` }),
    ),
    severity: Type.Optional(
      Type.String({ maxLength: 200, description: `Comma-separated: ${severities.join(', ')}` }),
    ),
    ruleId: Type.Optional(id),
    incidentId: Type.Optional(id),
    entity: Type.Optional(Type.String({ maxLength: 1000, description: 'Entity key, e.g. host:ws01' })),
    from: Type.Optional(Type.String({ maxLength: 64, description: 'Created at or after (ISO-8601)' })),
    to: Type.Optional(Type.String({ maxLength: 64, description: 'Created before (ISO-8601)' })),
    limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,4}$', description: '1..1000 (default 100)' })),
    after: Type.Optional(
      Type.String({ maxLength: 200, description: 'Cursor: the `next` of the previous page' }),
    ),
  },
  { additionalProperties: false },
);
export type AlertListQuery = Static<typeof AlertListQuery>;

/** An alert as stored (times are epoch ms); see packages/cases/src/alerts/alert.ts. */
export const AlertView = Type.Object(
  {
    id: Type.String(),
    workspace: Type.String(),
    version: Type.Integer(),
    title: Type.String(),
    severity: literals(severities),
    status: literals(alertStatuses),
    verification: literals(verifications),
    rule: Type.Object({ id: Type.String(), version: Type.Optional(Type.Integer()) }),
    count: Type.Integer(),
    firstSeenAt: Type.Number(),
    lastSeenAt: Type.Number(),
    createdAt: Type.Number(),
    updatedAt: Type.Number(),
    owner: Type.Optional(Type.String()),
    labels: Type.Array(Type.String()),
    closeReason: Type.Optional(literals(closeReasons)),
    closeComment: Type.Optional(Type.String()),
    incidentId: Type.Optional(Type.String()),
    tactics: Type.Array(Type.String()),
    techniques: Type.Array(Type.String()),
    entityKeys: Type.Array(Type.String()),
  },
  { additionalProperties: true },
);

export const AlertListReply = Type.Object({
  alerts: Type.Array(AlertView),
  next: Type.Optional(Type.String()),
});

/** Status change and edits in one request; closing needs `closeReason` (and a comment for `other`). */
const patchFields = {
  status: Type.Optional(literals(alertStatuses)),
  closeReason: Type.Optional(literals(closeReasons)),
  closeComment: Type.Optional(Type.String({ maxLength: 10_000 })),
  owner: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 200 }), Type.Null()])),
  verification: Type.Optional(literals(verifications)),
  severity: Type.Optional(literals(severities)),
  labels: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 100 })),
  remediation: Type.Optional(Type.Union([Type.String({ maxLength: 10_000 }), Type.Null()])),
};
export const AlertPatchBody = Type.Object(
  {
    ...patchFields,
    version: Type.Optional(Type.Integer({ minimum: 1, description: 'Fails with 409 when stale' })),
  },
  { additionalProperties: false },
);
export type AlertPatchBody = Static<typeof AlertPatchBody>;

export const AlertBulkBody = Type.Object(
  { ids: Type.Array(id, { minItems: 1, maxItems: 1000 }), ...patchFields },
  { additionalProperties: false },
);
export type AlertBulkBody = Static<typeof AlertBulkBody>;

/** An alert sent through the API (validated field by field by the cases package). */
export const AlertCreateBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 300 }),
    severity: Type.Optional(literals(severities)),
    description: Type.Optional(Type.String({ maxLength: 10_000 })),
    ruleId: Type.Optional(id),
    tags: Type.Optional(Type.Array(Type.String({ maxLength: 200 }), { maxItems: 100 })),
    events: Type.Optional(Type.Array(Type.Object({}, { additionalProperties: true }), { maxItems: 1000 })),
    eventIds: Type.Optional(Type.Array(Type.String({ maxLength: 200 }), { maxItems: 1000 })),
    time: Type.Optional(Type.String({ maxLength: 64, description: 'Event time, ISO-8601 (default now)' })),
    dataSource: Type.Optional(Type.String({ maxLength: 200 })),
    confidence: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
  },
  { additionalProperties: false },
);

export const AggregationReply = Type.Object({
  created: Type.Array(AlertView),
  updated: Type.Array(Type.String(), { description: 'Ids of existing alerts the input folded into' }),
  suppressed: Type.Integer(),
  excepted: Type.Integer(),
  incidents: Type.Array(
    Type.Object({ alertId: Type.String(), action: Type.String(), incidentId: Type.Optional(Type.String()) }),
  ),
});

export const StreamQuery = Type.Object(
  { minSeverity: Type.Optional(literals(severities)) },
  { additionalProperties: false },
);

export const SuppressionView = Type.Object(
  {
    id: Type.String(),
    workspace: Type.String(),
    ruleId: Type.Optional(Type.String()),
    match: Type.Record(Type.String(), Type.Array(Type.String())),
    startsAt: Type.Number(),
    expiresAt: Type.Number(),
    reason: Type.String(),
    owner: Type.String(),
    createdAt: Type.Number(),
    enabled: Type.Optional(Type.Boolean()),
    updatedAt: Type.Optional(Type.Number()),
    updatedBy: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

export const SuppressionCreateBody = Type.Object(
  {
    ruleId: Type.Optional(id),
    match: Type.Record(
      Type.String({ maxLength: 200 }),
      Type.Union([
        Type.String({ maxLength: 1000 }),
        Type.Number(),
        Type.Array(Type.Union([Type.String({ maxLength: 1000 }), Type.Number()]), { maxItems: 100 }),
      ]),
      { description: 'Field → accepted value(s); `*` matches any run of characters' },
    ),
    durationMs: Type.Integer({ minimum: 60_000, maximum: 365 * 86_400_000 }),
    reason: Type.String({ minLength: 1, maxLength: 2000 }),
  },
  { additionalProperties: false },
);
export type SuppressionCreateBody = Static<typeof SuppressionCreateBody>;

export const SuppressionPatchBody = Type.Object(
  {
    ruleId: Type.Optional(
      Type.Union([id, Type.Null()], { description: 'A rule id, or null for every rule' }),
    ),
    match: Type.Optional(SuppressionCreateBody.properties.match),
    durationMs: Type.Optional(
      Type.Integer({
        minimum: 60_000,
        maximum: 365 * 86_400_000,
        description: 'New duration, counted from now',
      }),
    ),
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
    enabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type SuppressionPatchBody = Static<typeof SuppressionPatchBody>;

export const SuppressedHitsQuery = Type.Object(
  {
    ruleId: Type.Optional(id),
    limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,4}$', description: '1..1000 (default 100)' })),
  },
  { additionalProperties: false },
);

export const SuppressedHitsReply = Type.Object({
  counts: Type.Array(
    Type.Object({
      ruleId: Type.String(),
      suppressed: Type.Integer(),
      excepted: Type.Integer(),
      by: Type.Record(Type.String(), Type.Integer()),
      lastAt: Type.Number(),
    }),
  ),
  recent: Type.Array(
    Type.Object({
      ruleId: Type.String(),
      kind: Type.String(),
      by: Type.String(),
      at: Type.Number(),
      eventIds: Type.Array(Type.String()),
    }),
  ),
});
