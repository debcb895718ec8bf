import { Type, type Static } from '@sinclair/typebox';

export const WorkspaceParams = Type.Object({ workspaceId: Type.String({ minLength: 1, maxLength: 64 }) });

const timeRange = {
  query: Type.String({ maxLength: 10_000, description: 'Query-language text (docs/query-language.md)' }),
  from: Type.String({ minLength: 1, maxLength: 64, description: 'ISO-8601 start (inclusive)' }),
  to: Type.String({ minLength: 1, maxLength: 64, description: 'ISO-8601 end (exclusive)' }),
  dataSpaces: Type.Optional(Type.Array(Type.String({ pattern: '^[a-z0-9-]{1,64}$' }), { maxItems: 100 })),
};

export const SearchBody = Type.Object(
  {
    ...timeRange,
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 100 })),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 2048 })),
  },
  { additionalProperties: false },
);
export type SearchBody = Static<typeof SearchBody>;

export const ExportBody = Type.Object(
  {
    ...timeRange,
    format: Type.Union([Type.Literal('csv'), Type.Literal('ndjson')]),
    /** Rows at most (default and maximum 1,000,000). */
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
  },
  { additionalProperties: false },
);
export type ExportBody = Static<typeof ExportBody>;

/**
 * Search answer (DESIGN §5): `events` holds event documents, or projected rows after `fields`;
 * `next` pages plain searches; for stats/timechart `events` is empty and `stats` holds
 * `{ rows, columns }` (one object per group/bucket, keyed by the column names); `truncated: true` and
 * `limit` say that rows past the limit were left out.
 */
export const SearchReply = Type.Object({
  events: Type.Array(Type.Record(Type.String(), Type.Unknown())),
  next: Type.Optional(Type.String()),
  columns: Type.Optional(Type.Array(Type.String())),
  /** Present when more rows matched than `limit` allowed (stats/timechart/sorted results have no cursor). */
  truncated: Type.Optional(Type.Literal(true)),
  /** The row limit that cut a truncated result. */
  limit: Type.Optional(Type.Integer()),
  stats: Type.Optional(
    Type.Object({
      rows: Type.Array(Type.Record(Type.String(), Type.Unknown())),
      columns: Type.Array(Type.String()),
    }),
  ),
});
