import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { userError } from '@vigil/core';
import type { CasesRuntime } from '../alerts/cases-runtime.ts';

const base = '/api/v1/workspaces/:workspaceId/notifications';
const Params = Type.Object({ workspaceId: Type.String({ minLength: 1, maxLength: 64 }) });
const Query = Type.Object(
  { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, description: 'Default 50' })) },
  { additionalProperties: false },
);
const NotificationView = Type.Object({
  id: Type.String(),
  kind: Type.Literal('mention'),
  at: Type.Number(),
  actor: Type.String(),
  incidentId: Type.String(),
  incidentTitle: Type.String(),
  excerpt: Type.String(),
  readAt: Type.Optional(Type.Number()),
});
const ReadBody = Type.Object(
  {
    ids: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { minItems: 1, maxItems: 200 }),
    ),
    all: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

/** The signed-in user's id (sessions and API keys alike). */
function userOf(request: { auth?: { principal: { id: string } } }): string {
  const id = request.auth?.principal.id;
  if (id === undefined) throw userError('UNAUTHENTICATED', 'sign in first', { status: 401 });
  return id;
}

/**
 * The signed-in user's own notifications in a workspace (mentions in incident comments), newest first,
 * and marking them read. Nobody can read or mark another user's notifications.
 */
export function registerNotificationRoutes(app: FastifyInstance, cases: CasesRuntime): void {
  app.get<{ Params: Static<typeof Params>; Querystring: Static<typeof Query> }>(
    base,
    {
      config: {
        permission: 'incidents.read',
        summary: 'My notifications in this workspace (mentions), newest first',
      },
      schema: {
        params: Params,
        querystring: Query,
        response: {
          200: Type.Object({ notifications: Type.Array(NotificationView), unread: Type.Integer() }),
        },
      },
    },
    async (request) => {
      const list = await cases.userNotifications.list(
        request.params.workspaceId,
        userOf(request),
        request.query.limit ?? 50,
      );
      return {
        notifications: list.map(({ userId: _u, ...n }) => n),
        unread: list.filter((n) => n.readAt === undefined).length,
      };
    },
  );

  app.post<{ Params: Static<typeof Params>; Body: Static<typeof ReadBody> }>(
    `${base}/read`,
    {
      config: { permission: 'incidents.read', summary: 'Mark my notifications read: some by id, or all' },
      schema: { params: Params, body: ReadBody, response: { 200: Type.Object({ changed: Type.Integer() }) } },
    },
    async (request) => {
      const { ids, all } = request.body;
      if ((ids === undefined) === (all !== true)) {
        throw userError('INVALID_NOTIFICATION_REQUEST', 'ids: give the ids to mark read, or all: true', {
          status: 400,
          details: { field: 'ids' },
        });
      }
      const changed = await cases.userNotifications.markRead(
        request.params.workspaceId,
        userOf(request),
        ids,
      );
      return { changed };
    },
  );
}
