import { Type } from '@sinclair/typebox';
import { crossWorkspaceScopes } from './cross-workspace-grant.ts';

const workspaceId = Type.String({ minLength: 1, maxLength: 64 });

export const WorkspaceParams = Type.Object({ workspaceId });
export const GrantParams = Type.Object({ workspaceId, centralWorkspaceId: workspaceId });

export const GrantBody = Type.Object(
  {
    centralWorkspace: Type.String({
      minLength: 1,
      maxLength: 64,
      description: 'The workspace whose members may see the aggregated overview of this one',
    }),
    scope: Type.Optional(Type.Union(crossWorkspaceScopes.map((s) => Type.Literal(s)))),
  },
  { additionalProperties: false },
);

export const GrantView = Type.Object({
  sourceWorkspace: Type.String(),
  centralWorkspace: Type.String(),
  scope: Type.Union(crossWorkspaceScopes.map((s) => Type.Literal(s))),
  grantedBy: Type.String(),
  /** ISO-8601. */
  grantedAt: Type.String(),
});

export const GrantListReply = Type.Object({
  /** Grants this workspace gave to central workspaces. */
  given: Type.Array(GrantView),
  /** Grants other workspaces gave to this one (its cross-workspace view includes them). */
  received: Type.Array(GrantView),
});
