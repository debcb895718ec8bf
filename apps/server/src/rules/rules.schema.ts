import { Type } from '@sinclair/typebox';

const workspaceId = Type.String({ minLength: 1, maxLength: 64 });
const ruleId = Type.String({ minLength: 1, maxLength: 200 });

export const WorkspaceParams = Type.Object({ workspaceId });
export const RuleParams = Type.Object({ workspaceId, ruleId });
export const ExceptionParams = Type.Object({
  workspaceId,
  ruleId,
  exceptionId: Type.String({ minLength: 1, maxLength: 64 }),
});

const bool = Type.Union([Type.Literal('true'), Type.Literal('false')]);

export const ImportQuery = Type.Object(
  {
    /** New rules start enabled (default false: backtest first). */
    enabled: Type.Optional(bool),
    /** File name of a single YAML body (default `rule.yml`). */
    path: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
  },
  { additionalProperties: false },
);

export const ListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200 })),
    level: Type.Optional(Type.String({ maxLength: 32 })),
    tag: Type.Optional(Type.String({ maxLength: 200 })),
    logsource: Type.Optional(Type.String({ maxLength: 200 })),
    status: Type.Optional(Type.String({ maxLength: 32 })),
    type: Type.Optional(
      Type.Union([Type.Literal('rule'), Type.Literal('correlation'), Type.Literal('filter')]),
    ),
    enabled: Type.Optional(bool),
    limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,4}$' })),
    after: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

export const PatchBody = Type.Object({ enabled: Type.Boolean() }, { additionalProperties: false });

/** Which rules a bulk action applies to: listed ids, or every rule a list filter selects. */
export const BulkFilter = Type.Object(
  {
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    level: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
    tag: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    logsource: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    status: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
    type: Type.Optional(
      Type.Union([Type.Literal('rule'), Type.Literal('correlation'), Type.Literal('filter')]),
    ),
  },
  { additionalProperties: false },
);

export const BulkEnableBody = Type.Object(
  {
    enabled: Type.Boolean(),
    ids: Type.Optional(Type.Array(ruleId, { minItems: 1, maxItems: 10_000 })),
    filter: Type.Optional(BulkFilter),
  },
  { additionalProperties: false },
);

const selection = Type.Record(Type.String({ minLength: 1, maxLength: 300 }), Type.Unknown());

export const ExceptionBody = Type.Object(
  {
    conditions: Type.Union([selection, Type.Array(selection, { minItems: 1, maxItems: 50 })]),
    reason: Type.String({ minLength: 1, maxLength: 2000 }),
    owner: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    /** ISO-8601; after it the exception is ignored. */
    expiresAt: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false },
);

export const TestBody = Type.Object(
  {
    /** Sigma YAML (one or more documents: a correlation may come with its base rules). */
    rule: Type.Optional(Type.String({ minLength: 1, maxLength: 1_000_000 })),
    ruleId: Type.Optional(ruleId),
    events: Type.Array(Type.Unknown(), { maxItems: 10_000 }),
  },
  { additionalProperties: false },
);

export const BacktestBody = Type.Object(
  {
    from: Type.String({ minLength: 1, maxLength: 64 }),
    to: Type.String({ minLength: 1, maxLength: 64 }),
    /** Matching events returned (default 100). */
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
    /** Events scanned at most (default 100 000). */
    maxScan: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
    dataSpaces: Type.Optional(Type.Array(Type.String({ pattern: '^[a-z0-9-]{1,64}$' }), { maxItems: 100 })),
  },
  { additionalProperties: false },
);

export const PlaceholdersBody = Type.Object(
  {
    /** `%name%` → values, e.g. `{"Admins_Workstations": ["ws-admin-01", "ws-admin-02"]}`. */
    values: Type.Record(
      Type.String({ pattern: '^[A-Za-z0-9_.-]{1,100}$' }),
      Type.Array(Type.String({ maxLength: 1000 }), { maxItems: 10_000 }),
    ),
  },
  { additionalProperties: false },
);
