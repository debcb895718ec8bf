import { Type } from '@sinclair/typebox';

export const WorkspaceParams = Type.Object({ workspaceId: Type.String({ minLength: 1, maxLength: 64 }) });

export const CoverageQuery = Type.Object(
  {
    /** How recent an event must be for a logsource to count as having data (1–90, default 7). */
    days: Type.Optional(Type.String({ pattern: '^([1-9]|[1-8][0-9]|90)$' })),
  },
  { additionalProperties: false },
);
